package org.jsbi.inference.density;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

/** Density estimators train whatever the split's size and the minibatch size (the minibatches: TrainerTest). */
class MinibatchTest {
  private static ConditionalDensityEstimator train(int n, int batchSize) throws java.io.IOException {
    RandomGenerator rng = new RandomStreams(3).single(RandomStreams.Purpose.SIMULATOR);
    Batch c = Batch.zeros(n, 1);
    Batch u = Batch.zeros(n, 2);
    for (int i = 0; i < n; i++) {
      c.set(i, 0, rng.nextGaussian());
      u.set(i, 0, c.get(i, 0) + rng.nextGaussian());
      u.set(i, 1, rng.nextGaussian());
    }
    TrainingConfig config = TrainingConfig.defaults(11).withBatchSize(batchSize).withMaxEpochs(3);
    try (Registry registry = Plugins.load()) {
      return registry.estimator("maf").train(u, c, config, TrainingListener.NONE);
    }
  }

  @Test
  void trainingRowsThatTheBatchSizeDoesNotDivideStillTrain() throws Exception {
    // 900 training rows in minibatches of 64: fourteen full ones, and a fifteenth filled up from the epoch's start
    try (ConditionalDensityEstimator q = train(1000, 64)) {
      assertThat(q.history().epochCount()).isEqualTo(3);
      assertThat(q.history().epochs()).allSatisfy(e -> assertThat(e.trainingLoss()).isFinite());
    }
  }

  @Test
  void fewerTrainingRowsThanTheBatchSizeMakeOneMinibatchOfAllOfThem() throws Exception {
    // 27 training rows and a batch size of 50: each step is the whole training split
    try (ConditionalDensityEstimator q = train(30, 50)) {
      double[] losses = q.history().epochs().stream().mapToDouble(e -> e.trainingLoss()).toArray();
      assertThat(losses).hasSize(3);
      assertThat(Arrays.stream(losses).allMatch(Double::isFinite)).isTrue();
    }
  }
}
