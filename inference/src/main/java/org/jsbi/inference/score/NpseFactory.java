package org.jsbi.inference.score;

import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores score-based estimators of one {@link NpseSpec}. */
public final class NpseFactory extends SpecFactory<NpseSpec> {
  public NpseFactory(NpseSpec spec) {
    super(spec);
  }

  @Override
  protected NpseSpec specOf(EstimatorState state) {
    return NpseSpec.fromHyperParameters(state.hyperParameters());
  }

  /** 10⁻³, as {@code fmpe}: denoising score matching is a regression on noise, noisier than a likelihood. */
  @Override
  public double defaultLearningRate() {
    return 1e-3;
  }

  /** 100, as {@code fmpe}: the validation loss of a noisy regression plateaus before the field stops sharpening. */
  @Override
  public int defaultPatience() {
    return 100;
  }

  /** No: each log-density call integrates the probability-flow ODE and its divergence, as {@code fmpe}'s. */
  @Override
  public boolean cheapLogProb() {
    return false;
  }

  @Override
  public EstimatorFactory withEmbedding(int dim, int hidden) {
    return new NpseFactory(spec.withEmbedding(EmbeddingSpec.mlp(dim, hidden)));
  }

  @Override
  public EstimatorFactory withEmbedding(EmbeddingFactory embedding, int features, DataShape shape) {
    return new NpseFactory(spec.withEmbedding(EmbeddingKind.specOf(embedding, features, shape, "npse")));
  }

  @Override
  public String description() {
    return "score-based diffusion (" + spec.process().toUpperCase(java.util.Locale.ROOT) + "): a noise predictor of "
        + (spec.blocks() + 1) + " SiLU layers of " + spec.hidden() + " units, trained by denoising score matching; "
        + ("sde".equals(spec.sampler()) ? spec.sdeSteps() + " Euler–Maruyama steps of the reverse SDE"
            : spec.steps() + " Runge–Kutta steps of the probability-flow ODE") + " per draw; log-density by the "
        + "probability-flow ODE (Song et al. 2021; Geffner et al. 2023)" + EmbeddingSpec.describe(spec.embedding());
  }
}
