package org.jsbi.api.posterior;

import java.util.Optional;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;

/**
 * A posterior built on one trained estimator (NPE or NLE): what a posterior directory saves and loads. Callers ask
 * for what a posterior can do ({@link #as}, e.g. {@code McmcSampled} or {@code LearnedLikelihood} in jsbi-inference),
 * never for its type.
 */
public interface TrainedPosterior extends Posterior {
  /** {@code npe} or {@code nle}. */
  String method();

  Model model();

  /** The trained estimator: q(θ | x) for NPE, q(x | θ) for NLE. */
  ConditionalDensityEstimator estimator();

  TrainingRecord training();

  /**
   * What its method needs, besides the estimator and the training record, to rebuild this posterior when it is
   * loaded (for NPE, the θ space): saved in {@code posterior.json} and handed to the method's {@code restore}.
   * None by default.
   */
  default java.util.Map<String, String> settings() {
    return java.util.Map.of();
  }

  /** This posterior as {@code capability}, when it has it. */
  default <C> Optional<C> as(Class<C> capability) {
    return capability.isInstance(this) ? Optional.of(capability.cast(this)) : Optional.empty();
  }
}
