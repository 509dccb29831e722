package org.jsbi.inference.gan;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * The hyper-parameters of an adversarial posterior ({@link GatsbiGraph}).
 *
 * @param hidden units per hidden layer of the generator
 * @param layers hidden layers of the generator
 * @param criticHidden units per hidden layer of the discriminator
 * @param criticLayers hidden layers of the discriminator
 * @param latent columns of noise the generator reads, or 0 for as many as θ has
 * @param penalty γ of R1's gradient penalty on the discriminator at the simulated pairs, γ/2 |∇_u D|² (0: none)
 * @param average whether training keeps a moving average of the weights ({@link EstimatorSpec#averagesWeights})
 * @param embedding an embedding network for the condition, or null
 */
public record GatsbiSpec(int hidden, int layers, int criticHidden, int criticLayers, int latent, double penalty,
    boolean average, EmbeddingSpec embedding) implements EstimatorSpec {
  public GatsbiSpec {
    Arguments.positive("hidden", hidden);
    Arguments.positive("layers", layers);
    Arguments.positive("criticHidden", criticHidden);
    Arguments.positive("criticLayers", criticLayers);
    if (latent < 0) {
      throw new IllegalArgumentException("latent: expected 0 (as many noise columns as θ has) or more, got " + latent);
    }
    if (!(penalty >= 0 && penalty < 1e6)) {
      throw new IllegalArgumentException("penalty: expected 0 (none) or a positive weight, got " + penalty);
    }
  }

  /**
   * A generator of 3 layers of 128 units, a discriminator of 3 layers of 256 (GATSBI's networks on two-moons had 4
   * of 128 and 4 of 2,048), as many noise columns as θ has, and the weights averaged.
   */
  public static GatsbiSpec defaults() {
    return new GatsbiSpec(128, 3, 256, 3, 0, 0, true, null);
  }

  /** The noise columns for θ of dimension {@code dim}. */
  int latentFor(int dim) {
    return latent > 0 ? latent : dim;
  }

  @Override
  public String kind() {
    return "gatsbi";
  }

  /** The energy score of the generator's draws on the validation rows (GatsbiGraph#validationLoss). */
  @Override
  public String validationMeasure() {
    return "validation energy score";
  }

  @Override
  public boolean averagesWeights() {
    return average;
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("layers", Integer.toString(layers));
    m.put("criticHidden", Integer.toString(criticHidden));
    m.put("criticLayers", Integer.toString(criticLayers));
    m.put("latent", Integer.toString(latent));
    m.put("penalty", Double.toString(penalty));
    m.put("average", Boolean.toString(average));
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  static GatsbiSpec fromHyperParameters(Map<String, String> m) {
    try {
      String average = m.get("average");
      if (!"true".equals(average) && !"false".equals(average)) {
        throw new NumberFormatException(average);
      }
      return new GatsbiSpec(Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("layers")),
          Integer.parseInt(m.get("criticHidden")), Integer.parseInt(m.get("criticLayers")),
          Integer.parseInt(m.get("latent")), Double.parseDouble(m.get("penalty")), Boolean.parseBoolean(average),
          EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'layers', 'criticHidden', "
          + "'criticLayers' and 'latent', a number 'penalty' and a boolean 'average' for gatsbi, got " + m);
    }
  }

  /** The same estimator with {@code embedding} applied to the condition. */
  public GatsbiSpec withEmbedding(EmbeddingSpec embedding) {
    return new GatsbiSpec(hidden, layers, criticHidden, criticLayers, latent, penalty, average,
        java.util.Objects.requireNonNull(embedding, "embedding"));
  }

  /** The same estimator with the weights averaged or not. */
  public GatsbiSpec withAverage(boolean average) {
    return new GatsbiSpec(hidden, layers, criticHidden, criticLayers, latent, penalty, average, embedding);
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      return new EmbeddedGraph(new GatsbiGraph(p, dim, embedding.features(), this), embedding.build(p, conditionDim));
    }
    return new GatsbiGraph(p, dim, conditionDim, this);
  }

  @Override
  public Standardization conditionStandardization(Batch c) {
    return embedding == null ? EstimatorSpec.super.conditionStandardization(c) : embedding.standardization(c);
  }
}
