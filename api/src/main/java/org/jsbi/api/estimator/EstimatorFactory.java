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
   * A warm start: continues training {@code from} (an estimator of this kind, e.g. restored from a saved posterior)
   * on the pairs of {@code input} and {@code condition}, from its weights and with its standardization kept fixed,
   * so that what it learned carries over to the new simulations. Returns a new estimator; {@code from} is unchanged.
   * Estimators that cannot continue throw {@link UnsupportedOperationException}.
   */
  default ConditionalDensityEstimator continueTraining(ConditionalDensityEstimator from, Batch input,
      Batch condition, TrainingConfig config, TrainingListener listener) {
    throw new UnsupportedOperationException("this estimator cannot continue training a saved one: "
        + description());
  }

  /**
   * Adam's learning rate for this estimator when {@link TrainingConfig#learningRate} is 0, as it is by default.
   * This default is sbi's, 5e-4.
   */
  default double defaultLearningRate() {
    return 5e-4;
  }

  /**
   * Epochs without validation improvement before this estimator's training drops its learning rate or stops, unless
   * the configuration says: sbi's 20.
   */
  default int defaultPatience() {
    return TrainingConfig.SBI_PATIENCE;
  }

  /**
   * Whether it trains a ratio classifier: its {@code logProb(θ, x)} is log r(x, θ) = log p(x | θ) − log p(x), a
   * log-ratio with θ as the input and x as the condition, learned by the objective of a ratio method (nre-a, nre-b,
   * nre-c, bnre), and it draws nothing. Only ratio methods take one, and they take nothing else.
   */
  default boolean ratio() {
    return false;
  }

  /**
   * Whether {@code logProb} is cheap enough to be called thousands of times, as MCMC on a learned likelihood does; a
   * log-density that integrates an ODE is not.
   */
  default boolean cheapLogProb() {
    return true;
  }

  /**
   * Whether the estimators it trains have a log-density at all; false for a sampler only (an adversarially trained
   * generator), which NLE, MAP search and density-based checks cannot use.
   */
  default boolean hasLogProb() {
    return true;
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

  /**
   * The same estimator with an embedding network of kind {@code embedding}, trained jointly, that turns x of shape
   * {@code shape} into {@code features} learned features.
   *
   * @throws IllegalArgumentException when the embedding does not read data of this shape
   */
  default EstimatorFactory withEmbedding(EmbeddingFactory embedding, int features, org.jsbi.api.DataShape shape) {
    throw new UnsupportedOperationException("this estimator does not support an embedding network: "
        + description());
  }

  /**
   * The hyper-parameters a user may set with {@link #withOptions}, by name, with this factory's values; empty when
   * there are none.
   */
  default java.util.Map<String, String> options() {
    return java.util.Map.of();
  }

  /**
   * The same estimator with the hyper-parameters in {@code options} (names from {@link #options}) set, the others
   * kept: {@code jsbi train --estimator-option}.
   *
   * @throws IllegalArgumentException in one line, naming an option it does not have or a value it cannot take
   */
  default EstimatorFactory withOptions(java.util.Map<String, String> options) {
    if (options.isEmpty()) {
      return this;
    }
    throw new IllegalArgumentException("options: this estimator takes none, got " + options.keySet());
  }

  /**
   * The names among {@link #options} that change how a trained estimator draws (and integrates its log-density), not
   * its weights: a saved estimator may be restored with other values of these ({@code jsbi sample
   * --estimator-option}). Empty by default.
   */
  default java.util.Set<String> samplingOptions() {
    return java.util.Set.of();
  }

  /** A one-line description for listings, e.g. {@code masked autoregressive flow (Papamakarios et al. 2017)}. */
  String description();
}
