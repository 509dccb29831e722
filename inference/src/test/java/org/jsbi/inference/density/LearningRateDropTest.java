package org.jsbi.inference.density;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

/** Training with {@link TrainingConfig#learningRateDrops}: it carries on where a run without drops stops. */
class LearningRateDropTest {
  private static TrainingHistory train(int drops) {
    RandomGenerator rng = new RandomStreams(5).single(RandomStreams.Purpose.SIMULATOR);
    int n = 4000;
    Batch c = Batch.zeros(n, 1);
    Batch u = Batch.zeros(n, 2);
    for (int i = 0; i < n; i++) {
      double ci = 2 * rng.nextDouble() - 1;
      c.set(i, 0, ci);
      u.set(i, 0, ci + 0.5 * rng.nextGaussian());
      u.set(i, 1, ci * ci + 0.3 * rng.nextGaussian());
    }
    TrainingConfig config = TrainingConfig.defaults(7).withPatience(20).withMaxEpochs(300)
        .withLearningRateDrops(drops);
    try (Registry registry = Plugins.load();
        ConditionalDensityEstimator q = registry.estimator("maf").train(u, c, config, TrainingListener.NONE)) {
      return q.history();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> losses(List<EpochStats> epochs) {
    return epochs.stream().map(e -> e.epoch() + ":" + e.trainingLoss() + ":" + e.validationLoss()).toList();
  }

  @Test
  void aDropContinuesFromTheStoppingPointAtALowerRate() {
    TrainingHistory stopped = train(0);
    TrainingHistory dropped = train(1);
    int k = stopped.epochCount();
    assertThat(stopped.epochCount()).as("patience ran out before the epoch cap").isLessThan(300);
    // the same run up to where the first one stopped, then more epochs at the lower rate
    assertThat(losses(dropped.epochs().subList(0, k))).isEqualTo(losses(stopped.epochs()));
    assertThat(dropped.epochCount()).isGreaterThan(k);
    // the drop is recorded at the epoch where the first run's patience ran out, and the first run has none
    assertThat(dropped.dropEpochs()).containsExactly(k);
    assertThat(stopped.dropEpochs()).isEmpty();
    // at a tenth of the rate the minibatch noise shrinks, so the training loss goes below anything reached before
    double before = dropped.epochs().subList(0, k).stream().mapToDouble(EpochStats::trainingLoss).min().orElseThrow();
    double after = dropped.epochs().subList(k, dropped.epochCount()).stream().mapToDouble(EpochStats::trainingLoss)
        .min().orElseThrow();
    assertThat(after).isLessThan(before - 0.005);
  }
}
