package org.jsbi.inference;

import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.Simulator;

/**
 * The capability of a posterior that holds a learned likelihood q(x | θ) (NLE): a fast surrogate simulator, and the
 * evidence of an observation under the model. Ask for it with {@code posterior.as(LearnedLikelihood.class)}.
 */
public interface LearnedLikelihood {
  /** The trained q(x | θ). */
  ConditionalDensityEstimator likelihood();

  /** The learned likelihood as a simulator: x ~ q(x | θ). */
  Simulator surrogate();
}
