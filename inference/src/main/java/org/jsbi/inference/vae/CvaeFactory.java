package org.jsbi.inference.vae;

import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores conditional VAEs of one {@link CvaeSpec}. */
public final class CvaeFactory extends SpecFactory<CvaeSpec> {
  public CvaeFactory(CvaeSpec spec) {
    super(spec);
  }

  @Override
  protected CvaeSpec specOf(EstimatorState state) {
    return CvaeSpec.fromHyperParameters(state.hyperParameters());
  }

  @Override
  public EstimatorFactory withEmbedding(int dim, int hidden) {
    return new CvaeFactory(spec.withEmbedding(EmbeddingSpec.mlp(dim, hidden)));
  }

  @Override
  public EstimatorFactory withEmbedding(EmbeddingFactory embedding, int features, DataShape shape) {
    if (!(embedding instanceof EmbeddingKind kind)) {
      throw new IllegalArgumentException("embedding: expected one of jsbi's embedding networks, which the cVAE "
          + "builds, got " + embedding.description());
    }
    return new CvaeFactory(spec.withEmbedding(kind.spec(features, shape)));
  }

  @Override
  public String description() {
    String embedding = spec.embedding() == null ? "" : ", with " + (spec.embedding().kind().equals("mlp") ? "an"
        : "a " + spec.embedding().kind()) + " embedding network to " + spec.embedding().features() + " features";
    return "conditional VAE, " + spec.hidden() + " hidden units, log-density by importance weighting with K = "
        + spec.importanceSamples() + " (a lower-bound estimate) (Sohn et al. 2015; Burda et al. 2016)" + embedding;
  }
}
