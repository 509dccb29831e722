package org.jsbi.inference.embeddings;

import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;

/**
 * One of jsbi's embedding networks, as registered: what jsbi's estimators build when asked for it by id.
 *
 * @param kind the {@link EmbeddingSpec} kind, which is also its registered id
 */
public record EmbeddingKind(String kind) implements EmbeddingFactory {
  /** Hidden units per layer of every jsbi embedding. */
  public static final int HIDDEN = 64;

  public EmbeddingKind {
    if (!EmbeddingSpec.KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind: expected one of " + EmbeddingSpec.KINDS + ", got '" + kind + "'");
    }
  }

  @Override
  public String description() {
    return switch (kind) {
      case "deepset" -> "deep set: a network per trial, the mean over the N trials and log N, then a network; "
          + "invariant to the trials' order, one posterior for every N (Zaheer et al. 2017); for a set of trials";
      default -> "MLP: two ReLU layers of " + HIDDEN + " units over all values of x; for any data, e.g. many values";
    };
  }

  @Override
  public boolean reads(DataShape shape) {
    return kind.equals("mlp") || shape.kind() == DataShape.Kind.TRIALS;
  }

  /** The network's spec for {@code features} outputs on data of {@code shape}. */
  public EmbeddingSpec spec(int features, DataShape shape) {
    if (!reads(shape)) {
      throw new IllegalArgumentException("embedding '" + kind + "': expected data it reads, got " + shape.describe()
          + "; 'jsbi embeddings' says which data each reads");
    }
    return new EmbeddingSpec(kind, features, HIDDEN, kind.equals("mlp") ? null : shape);
  }
}
