package org.jsbi.cli;

import org.jsbi.api.estimator.TrainingConfig;

/** Applies the optional training flags shared by {@code train} and {@code bench}. */
final class TrainingOptions {
  private TrainingOptions() {}

  static TrainingConfig apply(TrainingConfig config, Integer batchSize, Double learningRate) {
    TrainingConfig out = config;
    if (batchSize != null) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException("--batch-size: expected a positive integer, got " + batchSize);
      }
      out = out.withBatchSize(batchSize);
    }
    if (learningRate != null) {
      if (!(learningRate > 0) || learningRate.isInfinite()) {
        throw new IllegalArgumentException("--learning-rate: expected a positive number, got " + learningRate);
      }
      out = out.withLearningRate(learningRate);
    }
    return out;
  }
}
