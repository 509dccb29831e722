package org.jsbi.inference.vae;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Arguments;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.EmbeddedGraph;
import org.jsbi.inference.density.EstimatorSpec;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.op.Ops;

/**
 * The hyper-parameters of a conditional VAE.
 *
 * @param hidden hidden units in each of the two layers of the encoder, the conditional prior and the decoder
 * @param latentDim size of the latent z, or 0 for max(2, input dimension)
 * @param importanceSamples K, the number of importance samples in the IWAE estimate of log q(u | c)
 */
public record CvaeSpec(int hidden, int latentDim, int importanceSamples, EmbeddingSpec embedding)
    implements EstimatorSpec {
  public CvaeSpec {
    Arguments.positive("hidden", hidden);
    if (latentDim < 0) {
      throw new IllegalArgumentException("latentDim: expected 0 (automatic) or a positive size, got " + latentDim);
    }
    Arguments.positive("importanceSamples", importanceSamples);
  }

  /** 50 hidden units (as the flows), an automatic latent size, and K = 64 importance samples. */
  public static CvaeSpec defaults() {
    return new CvaeSpec(50, 0, 64, null);
  }

  @Override
  public String kind() {
    return "cvae";
  }

  /** The latent size for inputs of dimension {@code dim}. */
  int latentFor(int dim) {
    return latentDim > 0 ? latentDim : Math.max(2, dim);
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("latentDim", Integer.toString(latentDim));
    m.put("importanceSamples", Integer.toString(importanceSamples));
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  static CvaeSpec fromHyperParameters(Map<String, String> m) {
    try {
      return new CvaeSpec(Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("latentDim")),
          Integer.parseInt(m.get("importanceSamples")), EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'latentDim' and "
          + "'importanceSamples' for a cvae, got " + m);
    }
  }

  /** The same cVAE with {@code embedding} applied to the condition. */
  public CvaeSpec withEmbedding(EmbeddingSpec embedding) {
    return new CvaeSpec(hidden, latentDim, importanceSamples, java.util.Objects.requireNonNull(embedding,
        "embedding"));
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      CvaeGraph vae = new CvaeGraph(tf, p, dim, embedding.features(), hidden, latentFor(dim), importanceSamples);
      return new EmbeddedGraph(vae, embedding.build(p, conditionDim));
    }
    return new CvaeGraph(tf, p, dim, conditionDim, hidden, latentFor(dim), importanceSamples);
  }

  @Override
  public org.jsbi.api.estimator.EstimatorState.Standardization conditionStandardization(org.jsbi.api.Batch c) {
    return embedding == null ? EstimatorSpec.super.conditionStandardization(c) : embedding.standardization(c);
  }
}
