package org.jsbi.inference.ratio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.EmbeddedGraph;
import org.jsbi.inference.density.EstimatorSpec;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.op.Ops;

/**
 * The hyper-parameters of a ratio classifier ({@link RatioGraph}).
 *
 * @param hidden units per layer
 * @param blocks residual layers after the first
 * @param embedding an embedding network for the data, or null
 */
public record RatioSpec(int hidden, int blocks, EmbeddingSpec embedding) implements EstimatorSpec {
  public RatioSpec {
    Arguments.positive("hidden", hidden);
    if (blocks < 0) {
      throw new IllegalArgumentException("blocks: expected 0 or more residual layers, got " + blocks);
    }
  }

  /** 64 units and 2 residual layers after the first (sbi's residual classifier has 50 units and 2 blocks). */
  public static RatioSpec defaults() {
    return new RatioSpec(64, 2, null);
  }

  @Override
  public String kind() {
    return "ratio";
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("blocks", Integer.toString(blocks));
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  static RatioSpec fromHyperParameters(Map<String, String> m) {
    try {
      return new RatioSpec(Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("blocks")),
          EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden' and 'blocks' for ratio, got "
          + m);
    }
  }

  /** The same classifier with {@code embedding} applied to the data. */
  public RatioSpec withEmbedding(EmbeddingSpec embedding) {
    return new RatioSpec(hidden, blocks, Objects.requireNonNull(embedding, "embedding"));
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      return new EmbeddedGraph(new RatioGraph(p, dim, embedding.features(), this), embedding.build(p, conditionDim));
    }
    return new RatioGraph(p, dim, conditionDim, this);
  }

  @Override
  public Standardization conditionStandardization(Batch c) {
    return embedding == null ? EstimatorSpec.super.conditionStandardization(c) : embedding.standardization(c);
  }
}
