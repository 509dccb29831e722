package org.jsbi.inference.nle;

import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.inference.LearnedLikelihood;
import org.jsbi.inference.McmcPosterior;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;

/**
 * The posterior of NLE: MCMC on log q(x_o | θ) + log p(θ), where q is the learned likelihood ({@link McmcPosterior}),
 * which also serves as a surrogate simulator.
 */
public final class NlePosterior extends McmcPosterior implements LearnedLikelihood {
  public NlePosterior(Model model, ConditionalDensityEstimator likelihood, TrainingRecord training,
      Mcmc.Method method, McmcSettings settings) {
    this(model, likelihood, training, method, settings, ProgressListener.NONE);
  }

  private NlePosterior(Model model, ConditionalDensityEstimator likelihood, TrainingRecord training,
      Mcmc.Method method, McmcSettings settings, ProgressListener progress) {
    super(model, likelihood, training, method, settings, progress);
  }

  @Override
  protected NlePosterior with(Mcmc.Method m, McmcSettings s, ProgressListener listener) {
    return new NlePosterior(model, estimator, training, m, s, listener);
  }

  @Override
  public NlePosterior withMcmc(Mcmc.Method m, McmcSettings s) {
    return with(m, s, progress);
  }

  @Override
  public NlePosterior withProgress(ProgressListener listener) {
    return with(method, settings, listener);
  }

  @Override
  public String method() {
    return "nle";
  }

  /** log q(x | θ). */
  @Override
  protected double[] logTerm(Batch x, Batch theta) {
    return estimator.logProb(x, theta);
  }

  @Override
  public ConditionalDensityEstimator likelihood() {
    return estimator;
  }

  @Override
  public SurrogateSimulator surrogate() {
    return new SurrogateSimulator(estimator);
  }
}
