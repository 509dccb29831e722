package org.jsbi.api.estimator;

import org.jsbi.api.Arguments;

/**
 * How an estimator is trained. The defaults follow sbi's: 10% validation, early stopping after 20 epochs without
 * improvement (keeping the best weights), gradient clipping at global norm 5. Adam's learning rate defaults to the
 * estimator's own ({@link EstimatorFactory#defaultLearningRate}): sbi's 5e-4 unless the estimator says otherwise. The
 * minibatch size defaults to n_train / 20 clamped to [50, 200]: 200 (the default) from 4,000 simulations
 * up, and smaller batches, hence more updates per epoch, on small sets, where on two-moons and gaussian-linear at
 * 10³ simulations batches of 50 lowered C2ST (docs/benchmark-history.md). One addition to sbi's early stopping: when
 * patience
 * first runs out, training goes back to the best weights and carries on at a tenth of the learning rate, which
 * lowered C2ST or left it unchanged in all twelve NPE cells at 10³ and 10⁴ (docs/benchmark-history.md).
 *
 * @param learningRate Adam's step size, or 0 for the estimator's default
 * @param batchSize minibatch size, or 0 for the automatic size above
 * @param validationFraction share of the simulations held out for early stopping
 * @param patience epochs without validation improvement before stopping, or 0 for the estimator's default ({@link
 *     EstimatorFactory#defaultPatience}: sbi's 20 unless the estimator says otherwise)
 * @param learningRateDrops how many times, when patience runs out, training goes back to the best weights and
 *     carries on at a tenth of the learning rate (with patience counted afresh) instead of stopping
 * @param clipNorm global gradient-norm clip
 * @param maxEpochs upper bound on epochs
 * @param seed seeds the initial weights, the split and the minibatch order
 */
public record TrainingConfig(
    double learningRate, int batchSize, double validationFraction, int patience, int learningRateDrops,
    double clipNorm, int maxEpochs, long seed) {

  public TrainingConfig {
    if (!(learningRate >= 0 && learningRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("learningRate: expected 0 (the estimator's default) or a positive number, "
          + "got " + learningRate);
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize: expected 0 (automatic) or a positive size, got " + batchSize);
    }
    if (!(validationFraction > 0 && validationFraction < 0.5)) {
      throw new IllegalArgumentException(
          "validationFraction: expected a value in (0, 0.5), got " + validationFraction);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience: expected 0 (the estimator's default) or a positive number of "
          + "epochs, got " + patience);
    }
    if (learningRateDrops < 0) {
      throw new IllegalArgumentException("learningRateDrops: expected 0 or more, got " + learningRateDrops);
    }
    Arguments.positive("clipNorm", clipNorm);
    Arguments.positive("maxEpochs", maxEpochs);
  }

  /** sbi's early-stopping patience (its stop_after_epochs), the estimators' default. */
  public static final int SBI_PATIENCE = 20;

  public static TrainingConfig defaults(long seed) {
    return new TrainingConfig(0, 0, 0.1, 0, 1, 5.0, 2000, seed);
  }

  /**
   * This configuration with the learning rate and the patience set: the ones given, or else {@code estimator}'s
   * defaults.
   */
  public TrainingConfig resolvedFor(EstimatorFactory estimator) {
    TrainingConfig out = learningRate > 0 ? this : withLearningRate(estimator.defaultLearningRate());
    return patience > 0 ? out : out.withPatience(estimator.defaultPatience());
  }

  /** The minibatch size for a training split of {@code trainingRows} rows. */
  public int batchSizeFor(int trainingRows) {
    return batchSize > 0 ? batchSize : Math.max(50, Math.min(200, trainingRows / 20));
  }

  public TrainingConfig withMaxEpochs(int maxEpochs) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }

  public TrainingConfig withBatchSize(int batchSize) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }

  public TrainingConfig withLearningRate(double learningRate) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }

  public TrainingConfig withPatience(int patience) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }

  public TrainingConfig withLearningRateDrops(int learningRateDrops) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }

  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(learningRate, batchSize, validationFraction, patience, learningRateDrops, clipNorm,
        maxEpochs, seed);
  }
}
