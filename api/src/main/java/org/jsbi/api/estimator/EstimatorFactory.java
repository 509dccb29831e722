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

  /**
   * Fits q(input | condition) as a density truncated to the box [lower, upper] of the input space (bounds may be
   * infinite): trained on −log q(input | condition) until the validation loss first stops improving, then, if q's
   * mass outside the box is then at least {@code minLeak}, finished on −log q(input | condition) + log Q(condition),
   * where Q is q's mass inside the box, so that q restricted to the box and renormalized, which rejection to the box
   * draws from, fits the data. With {@code minLeak} 0 the finish always runs; below it, training goes on as {@link
   * #train} would, to the same weights. Every input row must lie in the box. Estimators without an exact
   * log-density throw {@link UnsupportedOperationException}.
   *
   * @param minLeak share of q's mass outside the box, averaged over the validation rows, from which on the
   *     truncated finish runs; 0 to 1
   */
  default ConditionalDensityEstimator trainTruncated(Batch input, Batch condition, double[] lower, double[] upper,
      double minLeak, TrainingConfig config, TrainingListener listener) {
    throw new UnsupportedOperationException("this estimator cannot fit a truncated density: " + description());
  }

  /**
   * Adam's learning rate for this estimator when {@link TrainingConfig#learningRate} is 0, as it is by default.
   * This default is sbi's, 5e-4.
   */
  default double defaultLearningRate() {
    return 5e-4;
  }

  /** Rebuilds a trained estimator from its saved state; the result computes exactly what the original did. */
  ConditionalDensityEstimator restore(EstimatorState state);

  /**
   * The same estimator with an embedding network, trained jointly, that reduces the condition to {@code dim}
   * learned features through two layers of {@code hidden} units: for data of dimension in the hundreds.
   */
  default EstimatorFactory withEmbedding(int dim, int hidden) {
    throw new UnsupportedOperationException("this estimator does not support an embedding network: "
        + description());
  }

  /** A one-line description for listings, e.g. {@code masked autoregressive flow (Papamakarios et al. 2017)}. */
  String description();
}
