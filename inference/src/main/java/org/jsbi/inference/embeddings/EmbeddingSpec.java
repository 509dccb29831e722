package org.jsbi.inference.embeddings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.tf.Parameters;

/**
 * The kind and sizes of an embedding network, and the data shape it reads: what an estimator saves to rebuild it.
 *
 * @param kind {@code mlp} (any data, as a flat row), {@code deepset} or {@code set-attention} (a set of trials),
 *     {@code cnn1d} or {@code gru} (a sequence), {@code cnn2d} (an image)
 * @param features the embedding's output size
 * @param hidden hidden units per layer
 * @param shape the data's shape; null for an MLP, which reads any flat row
 */
public record EmbeddingSpec(String kind, int features, int hidden, DataShape shape) {
  /** The kinds, each with the data it reads. */
  public static final Set<String> KINDS = Set.of("mlp", "deepset", "set-attention", "cnn1d", "gru", "cnn2d");

  public EmbeddingSpec {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind: expected one of " + KINDS + ", got '" + kind + "'");
    }
    Arguments.positive("features", features);
    Arguments.positive("hidden", hidden);
    DataShape.Kind reads = readsOnly(kind);
    if (reads != null && (shape == null || shape.kind() != reads)) {
      throw new IllegalArgumentException("embedding '" + kind + "': expected data that are a " + reads.id()
          + ", got " + (shape == null ? "no shape" : shape.describe()) + "; use 'mlp' for it");
    }
  }

  /** The only kind of data {@code kind} reads, or null for any. */
  static DataShape.Kind readsOnly(String kind) {
    return switch (kind) {
      case "deepset", "set-attention" -> DataShape.Kind.TRIALS;
      case "cnn1d", "gru" -> DataShape.Kind.SEQUENCE;
      case "cnn2d" -> DataShape.Kind.IMAGE;
      default -> null;
    };
  }

  /** The MLP of sbi's examples: two layers of {@code hidden} units to {@code features}, over any flat row. */
  public static EmbeddingSpec mlp(int features, int hidden) {
    return new EmbeddingSpec("mlp", features, hidden, null);
  }

  /** How an estimator's description names it: ", with a deepset embedding network to 8 features", or "" for none. */
  public static String describe(EmbeddingSpec embedding) {
    return embedding == null ? "" : ", with " + (embedding.kind().equals("mlp") ? "an" : "a " + embedding.kind())
        + " embedding network to " + embedding.features() + " features";
  }

  /** Builds the network's graph through {@code p}. */
  public Embedding build(Parameters p, int conditionDim) {
    if (shape != null && conditionDim != shape.columns()) {
      throw new IllegalArgumentException("conditionDim: expected " + shape.columns() + " columns (" + shape.describe()
          + "), got " + conditionDim);
    }
    return switch (kind) {
      case "deepset" -> new DeepSetEmbedding(p, shape, hidden, features);
      case "set-attention" -> new SetAttentionEmbedding(p, shape, hidden, features);
      case "cnn1d" -> new CausalConvEmbedding(p, shape, hidden, features);
      case "gru" -> new GruEmbedding(p, shape, hidden, features);
      case "cnn2d" -> new ConvImageEmbedding(p, shape, hidden, features);
      default -> new MlpEmbedding(p, conditionDim, hidden, features);
    };
  }

  /**
   * How the estimator standardizes x for this network. Column by column for the MLP; for a sequence, each value
   * by its channel's mean and standard deviation over all steps, so that a convolution sees the same scale at every
   * step; for a set, likewise over all real trials (the padding past N would bias per-column ones), with the first
   * column, N, left as it is.
   */
  public Standardization standardization(Batch x) {
    if (shape == null || kind.equals("mlp")) {
      return Standardization.of(x);
    }
    // a set's values start after its count, and only its first N trials are real; a sequence's are all real
    boolean set = shape.kind() == DataShape.Kind.TRIALS;
    return byChannel(x, shape.channels(), set ? 1 : 0, row -> set ? (int) row[0] : shape.steps() * shape.width());
  }

  /**
   * Each value column by its channel's mean and sd over the real values of all rows (values lie slot by slot from
   * column {@code first}, channels fastest; {@code slots} says how many slots of a row are real); the columns before
   * {@code first} are left as they are.
   */
  private static Standardization byChannel(Batch x, int c, int first,
      java.util.function.ToIntFunction<double[]> slots) {
    double[] sum = new double[c];
    double[] sq = new double[c];
    long count = 0;
    for (int i = 0; i < x.rows(); i++) {
      double[] row = x.row(i);
      int n = slots.applyAsInt(row);
      for (int col = first; col < first + n * c; col++) {
        sum[(col - first) % c] += row[col];
        sq[(col - first) % c] += row[col] * row[col];
      }
      count += n;
    }
    double[] mean = new double[x.cols()];
    double[] std = new double[x.cols()];
    java.util.Arrays.fill(std, 0, first, 1);
    for (int col = first; col < x.cols(); col++) {
      int j = (col - first) % c;
      double m = sum[j] / count;
      double sd = Math.sqrt(Math.max(0, sq[j] / count - m * m));
      mean[col] = m;
      std[col] = sd > 0 ? sd : 1;
    }
    return new Standardization(mean, std);
  }

  /** What is saved with the estimator: the first embedding's keys for an MLP, so that older files still load. */
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("embeddingDim", Integer.toString(features));
    m.put("embeddingHidden", Integer.toString(hidden));
    if (!kind.equals("mlp")) {
      m.put("embedding", kind);
      m.put("embeddingShape", shape.kind().id() + ":" + shape.minTrials() + ":" + shape.steps() + ":"
          + shape.width() + ":" + shape.channels());
    }
    return m;
  }

  /** The spec saved in {@code m}, or null when it holds none. */
  public static EmbeddingSpec fromHyperParameters(Map<String, String> m) {
    int features = Integer.parseInt(m.getOrDefault("embeddingDim", "0"));
    if (features == 0) {
      return null;
    }
    int hidden = Integer.parseInt(m.get("embeddingHidden"));
    String kind = m.getOrDefault("embedding", "mlp");
    if (kind.equals("mlp")) {
      return mlp(features, hidden);
    }
    String[] s = m.get("embeddingShape").split(":");
    DataShape.Kind shapeKind = DataShape.Kind.valueOf(s[0].toUpperCase(java.util.Locale.ROOT));
    return new EmbeddingSpec(kind, features, hidden, new DataShape(shapeKind, Integer.parseInt(s[2]),
        Integer.parseInt(s[3]), Integer.parseInt(s[4]), Integer.parseInt(s[1])));
  }
}
