package org.jsbi.inference.vae;

import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores conditional VAEs of one {@link CvaeSpec}. */
public final class CvaeFactory extends SpecFactory<CvaeSpec> {
  public CvaeFactory(CvaeSpec spec) {
    super(spec);
  }

  @Override
  protected CvaeSpec specOf(java.util.Map<String, String> hyperParameters) {
    return CvaeSpec.fromHyperParameters(hyperParameters);
  }

  @Override
  protected CvaeFactory with(CvaeSpec spec) {
    return new CvaeFactory(spec);
  }

  @Override
  protected CvaeSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  @Override
  protected String builder() {
    return "the cVAE";
  }

  @Override
  public String description() {
    String embedding = EmbeddingSpec.describe(spec.embedding());
    return "conditional VAE, " + spec.hidden() + " hidden units, log-density by importance weighting with K = "
        + spec.importanceSamples() + " (a lower-bound estimate) (Sohn et al. 2015; Burda et al. 2016)" + embedding;
  }
}
