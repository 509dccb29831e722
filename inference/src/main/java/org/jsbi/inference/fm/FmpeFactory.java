package org.jsbi.inference.fm;

import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.field.Ode;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores flow-matching estimators of one {@link FmpeSpec}. */
public final class FmpeFactory extends SpecFactory<FmpeSpec> {
  public FmpeFactory(FmpeSpec spec) {
    super(spec);
  }

  @Override
  protected FmpeSpec specOf(EstimatorState state) {
    return FmpeSpec.fromHyperParameters(state.hyperParameters());
  }

  /** 10⁻³: the regression loss is noisier than a likelihood, and sbi's flow matching trains at 5·10⁻⁴. */
  @Override
  public double defaultLearningRate() {
    return 1e-3;
  }

  /**
   * 100: the flow-matching loss is a noisy regression whose validation value plateaus long before the field stops
   * sharpening; on two-moons at 10⁴ patience 20 stopped after 137 epochs with a mean C2ST of 0.800, patience 100
   * ran 595 epochs to 0.615 (docs/benchmark-history.md, "Flow matching").
   */
  @Override
  public int defaultPatience() {
    return 100;
  }

  /**
   * No: each log-density call integrates the field and its divergence over 20 Runge–Kutta steps. As NLE's likelihood
   * on two-moons (2,000 simulations, at 0284f84, before NLE refused it) 1,000 MCMC draws took 135 s in 4,493 calls,
   * about 30 ms each, against about 5 s for 10,000 draws with maf (docs/benchmark-history.md, "Flow matching").
   */
  @Override
  public boolean cheapLogProb() {
    return false;
  }

  @Override
  public EstimatorFactory withEmbedding(int dim, int hidden) {
    return new FmpeFactory(spec.withEmbedding(EmbeddingSpec.mlp(dim, hidden)));
  }

  @Override
  public EstimatorFactory withEmbedding(EmbeddingFactory embedding, int features, DataShape shape) {
    return new FmpeFactory(spec.withEmbedding(EmbeddingKind.specOf(embedding, features, shape, "fmpe")));
  }

  @Override
  public String description() {
    String embedding = EmbeddingSpec.describe(spec.embedding());
    return "flow matching: a vector field of " + (spec.blocks() + 1) + " SiLU layers of " + spec.hidden()
        + " units, integrated by " + spec.steps() + " Runge–Kutta steps; log-density by the divergence, exact up to "
        + Ode.EXACT_LIMIT + " dimensions, Hutchinson's estimate above (Lipman et al. 2023; Dax et al. 2023)"
        + embedding;
  }
}
