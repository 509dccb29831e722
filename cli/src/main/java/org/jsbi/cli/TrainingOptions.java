package org.jsbi.cli;

import org.jsbi.api.estimator.TrainingConfig;

/** Applies the optional training flags shared by {@code train} and {@code bench}. */
final class TrainingOptions {
  private TrainingOptions() {}

  static org.jsbi.api.estimator.EstimatorFactory embedding(org.jsbi.api.estimator.EstimatorFactory factory,
      Integer dim) {
    if (dim == null) {
      return factory;
    }
    if (dim <= 0) {
      throw new IllegalArgumentException("--embedding-dim: expected a positive integer, got " + dim);
    }
    try {
      return factory.withEmbedding(dim, 64);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("--embedding-dim: " + e.getMessage());
    }
  }

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
