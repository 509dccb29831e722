package org.jsbi.inference.ratio;

import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores ratio classifiers of one {@link RatioSpec}, by the objective of an NRE method. */
public final class RatioFactory extends SpecFactory<RatioSpec> {
  public RatioFactory(RatioSpec spec) {
    super(spec);
  }

  @Override
  protected RatioSpec specOf(Map<String, String> hyperParameters) {
    return RatioSpec.fromHyperParameters(hyperParameters);
  }

  @Override
  protected RatioFactory with(RatioSpec spec) {
    return new RatioFactory(spec);
  }

  @Override
  protected RatioSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  /** Refused: the classifier learns only by the contrastive objective of an NRE method, which brings it. */
  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    throw new UnsupportedOperationException("a ratio classifier trains only by the objective of a ratio method "
        + "(nre-a, nre-b, nre-c, bnre), not by maximum likelihood");
  }

  @Override
  public boolean ratio() {
    return true;
  }

  @Override
  public String description() {
    return "ratio classifier: log r(x, θ) = log p(x | θ) − log p(x) by a residual network of " + (spec.blocks() + 1)
        + " SiLU layers of " + spec.hidden() + " units on (θ, x), for the NRE methods (Hermans et al. 2020)"
        + EmbeddingSpec.describe(spec.embedding());
  }
}
