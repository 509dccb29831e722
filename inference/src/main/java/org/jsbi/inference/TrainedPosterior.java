package org.jsbi.inference;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.inference.npe.TrainingRecord;

/** A posterior built on one trained estimator (NPE or NLE): what a posterior directory saves and loads. */
public interface TrainedPosterior extends Posterior {
  /** {@code npe} or {@code nle}. */
  String method();

  Model model();

  /** The trained estimator: q(θ | x) for NPE, q(x | θ) for NLE. */
  ConditionalDensityEstimator estimator();

  TrainingRecord training();
}
