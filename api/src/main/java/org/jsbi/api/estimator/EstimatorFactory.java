package org.jsbi.api.estimator;

import org.jsbi.api.Batch;

/** Trains and restores one kind of conditional density estimator; registered by id through a plugin. */
public interface EstimatorFactory {
  /**
   * Fits q(input | condition) to the paired rows of {@code input} and {@code condition}.
   *
   * @param listener receives one call per epoch
   */
  ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config, TrainingListener listener);

  /** Rebuilds a trained estimator from its saved state; the result computes exactly what the original did. */
  ConditionalDensityEstimator restore(EstimatorState state);

  /** A one-line description for listings, e.g. {@code masked autoregressive flow (Papamakarios et al. 2017)}. */
  String description();
}
