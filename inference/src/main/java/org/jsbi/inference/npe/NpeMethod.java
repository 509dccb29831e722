package org.jsbi.inference.npe;

import java.util.Map;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.posterior.SamplingLimits;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.UnconstrainedSpace;

/** NPE as a registered method: {@link Npe}, with the θ space as its one option. */
public final class NpeMethod implements InferenceMethod {
  static final String THETA_SPACE = "theta-space";
  /** The name of the θ space among a saved posterior's settings. */
  static final String THETA_SPACE_SETTING = "thetaSpace";

  @Override
  public String description() {
    return "neural posterior estimation: fits q(θ | x) and samples it directly, for any observation";
  }

  @Override
  public String needs() {
    return "a conditional density estimator of θ given x";
  }

  /** The spline flow: the most accurate in the NPE benchmark. */
  @Override
  public String defaultEstimator() {
    return "nsf";
  }

  @Override
  public Map<String, String> options() {
    return Map.of(THETA_SPACE, "the space q is fitted in: " + ThetaSpace.NAMES + " (default auto)");
  }

  @Override
  public void checkOptions(Map<String, String> options) {
    InferenceMethod.super.checkOptions(options);
    space(options);
  }

  @Override
  public void checkEstimator(EstimatorFactory estimator) {
    Npe.checkDensity(estimator, "");
  }

  @Override
  public TrainedPosterior train(Model model, SimulationSet sims, EstimatorFactory estimator,
      Map<String, String> options, TrainingConfig config, TrainingListener listener) {
    return new Npe(model, estimator).thetaSpace(space(options)).listener(listener).train(sims, config);
  }

  @Override
  public TrainedPosterior continueTraining(TrainedPosterior from, Model model, SimulationSet sims,
      EstimatorFactory estimator, TrainingConfig config, TrainingListener listener) {
    if (!(from instanceof NpePosterior start)) {
      throw new IllegalArgumentException("from: expected a posterior of method npe, got one of " + from.method());
    }
    return new Npe(model, estimator).warmStart(start).listener(listener).train(sims, config);
  }

  @Override
  public TrainedPosterior restore(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Map<String, String> settings) {
    // version 1 files, which predate the choice, were all fitted in the original space
    String value = settings.getOrDefault(THETA_SPACE_SETTING, "original");
    ThetaSpace space;
    try {
      space = ThetaSpace.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has " + THETA_SPACE_SETTING + " '" + value + "', expected "
          + ThetaSpace.NAMES + "; the file is corrupt: train the posterior again");
    }
    ConditionalDensityEstimator q = space == ThetaSpace.UNCONSTRAINED
        ? new UnconstrainedEstimator(estimator, model.prior().unconstrainedSpace()) : estimator;
    return new NpePosterior(model, q, training, space, SamplingLimits.defaults());
  }

  private static ThetaSpace space(Map<String, String> options) {
    String value = options.getOrDefault(THETA_SPACE, "auto");
    try {
      return ThetaSpace.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(THETA_SPACE + ": expected " + ThetaSpace.NAMES + ", got '" + value + "'");
    }
  }
}
