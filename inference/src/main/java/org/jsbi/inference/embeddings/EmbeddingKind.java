package org.jsbi.inference.embeddings;

import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;

/**
 * One of jsbi's embedding networks, as registered: what jsbi's estimators build when asked for it by id.
 *
 * @param kind the {@link EmbeddingSpec} kind, which is also its registered id
 */
public record EmbeddingKind(String kind) implements EmbeddingFactory {
  /** Hidden units per layer of jsbi's embeddings, but the convolution's. */
  public static final int HIDDEN = 64;
  /** Filters per layer of the convolution: 64 made an epoch ten times a flow's on 100 steps. */
  public static final int FILTERS = 32;
  /** Width of the set transformer (4 heads of 8). */
  public static final int ATTENTION = 32;

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
      case "set-attention" -> "set transformer: trials embedded, one self-attention block (4 heads), pooling by "
          + "attention from a learned seed, and log N (Lee et al. 2019); for a set of trials";
      case "cnn1d" -> "causal dilated 1-D convolutions (4 layers of " + FILTERS + " filters, kernel 3, dilations 1 "
          + "to 8), then the mean over steps and the last step; for a sequence";
      case "cnn2d" -> "convolutional network: two 3 × 3 convolutions (" + FILTERS / 2 + " and " + FILTERS
          + " filters) with 2 × 2 average pooling, then the mean over pixels; for an image";
      case "gru" -> "gated recurrent unit of " + HIDDEN + " units over blocks of steps (at most 25 blocks), its "
          + "last state (Cho et al. 2014); for a sequence";
      default -> "MLP: two ReLU layers of " + HIDDEN + " units over all values of x; for any data, e.g. many values";
    };
  }

  @Override
  public boolean reads(DataShape shape) {
    DataShape.Kind only = EmbeddingSpec.readsOnly(kind);
    return only == null || shape.kind() == only;
  }

  /**
   * The spec of {@code embedding}, one of jsbi's networks, for an estimator of jsbi's to build.
   *
   * @param estimator what builds it, for the message, e.g. "its flows"
   * @throws IllegalArgumentException for an embedding from elsewhere
   */
  public static EmbeddingSpec specOf(EmbeddingFactory embedding, int features, DataShape shape, String estimator) {
    if (!(embedding instanceof EmbeddingKind kind)) {
      throw new IllegalArgumentException("embedding: expected one of jsbi's embedding networks, which " + estimator
          + " build" + (estimator.startsWith("its ") ? "" : "s") + ", got " + embedding.description());
    }
    return kind.spec(features, shape);
  }

  /** The network's spec for {@code features} outputs on data of {@code shape}. */
  public EmbeddingSpec spec(int features, DataShape shape) {
    if (!reads(shape)) {
      throw new IllegalArgumentException("embedding '" + kind + "': expected data it reads, got " + shape.describe()
          + "; 'jsbi embeddings' says which data each reads");
    }
    int hidden = switch (kind) {
      case "cnn1d", "cnn2d" -> FILTERS;
      case "set-attention" -> ATTENTION;
      default -> HIDDEN;
    };
    return new EmbeddingSpec(kind, features, hidden, kind.equals("mlp") ? null : shape);
  }
}
