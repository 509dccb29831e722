package org.jsbi.inference.nle;

import java.util.Map;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;

/** NLE as a registered method: {@link Nle}, whose posterior is sampled by MCMC. */
public final class NleMethod implements InferenceMethod {
  @Override
  public String description() {
    return "neural likelihood estimation: fits q(x | θ), a fast surrogate simulator, and samples the posterior by "
        + "MCMC";
  }

  @Override
  public String needs() {
    return "a conditional density estimator of x given θ";
  }

  /**
   * The MAF, as in sbi and sbibm. MCMC evaluates the likelihood thousands of times, and MAF's evaluation costs a
   * half to a fifth of the spline flow's (LikelihoodBenchmark), which keeps 10,000 draws on two-moons under 10 s; the
   * spline flow was the more accurate likelihood on six of nine NLE benchmark cells, so it is worth naming when time
   * allows.
   */
  @Override
  public String defaultEstimator() {
    return "maf";
  }

  /** NPE's θ-space choice does not apply, but its two neutral values are accepted, so that scripts may pass them. */
  @Override
  public void checkEstimator(EstimatorFactory estimator) {
    Nle.checkLikelihood(estimator, "");
  }

  @Override
  public void checkOptions(Map<String, String> options) {
    for (Map.Entry<String, String> o : options.entrySet()) {
      if (o.getKey().equals("theta-space") && (o.getValue().equals("original") || o.getValue().equals("auto"))) {
        continue;
      }
      if (o.getKey().equals("theta-space")) {
        throw new IllegalArgumentException("theta-space: applies to NPE only (NLE's MCMC already samples bounded "
            + "priors in unconstrained space); drop it or use method npe");
      }
      InferenceMethod.super.checkOptions(Map.of(o.getKey(), o.getValue()));
    }
  }

  /** Sampled by the vectorized slice sampler with the default settings; the commands set their own (withMcmc). */
  @Override
  public TrainedPosterior continueTraining(TrainedPosterior from, Model model, SimulationSet sims,
      EstimatorFactory estimator, TrainingConfig config, TrainingListener listener) {
    if (!(from instanceof NlePosterior start)) {
      throw new IllegalArgumentException("from: expected a posterior of method nle, got one of " + from.method());
    }
    return new Nle(model, estimator).warmStart(start).listener(listener).train(sims, config);
  }

  @Override
  public TrainedPosterior restore(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Map<String, String> settings) {
    return new NlePosterior(model, estimator, training, Mcmc.Method.SLICE, McmcSettings.defaults());
  }

  @Override
  public TrainedPosterior train(Model model, SimulationSet sims, EstimatorFactory estimator,
      Map<String, String> options, TrainingConfig config, TrainingListener listener) {
    return new Nle(model, estimator).listener(listener).train(sims, config);
  }
}
