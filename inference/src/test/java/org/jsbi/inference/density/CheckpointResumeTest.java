package org.jsbi.inference.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingCheckpoint;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run resumed from any of its checkpoints ends with the same weights and losses, bit for bit, as the run that was
 * never stopped: for every estimator (the VAE's loss draws noise), through the learning-rate drop, and through the
 * switch to the truncated finish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class CheckpointResumeTest {
  private Registry registry;

  @BeforeAll
  void load() {
    registry = Plugins.load();
  }

  @AfterAll
  void close() throws IOException {
    registry.close();
  }

  /** Saves after every epoch and keeps them all; resumes from the one it is told to. */
  private static final class Kept implements TrainingCheckpoints {
    final List<TrainingCheckpoint> saved = new ArrayList<>();
    final TrainingCheckpoint from;

    Kept(TrainingCheckpoint from) {
      this.from = from;
    }

    @Override
    public boolean due(double secondsSinceLast) {
      return true;
    }

    @Override
    public Optional<TrainingCheckpoint> resume(String run) {
      if (from != null && !from.run().equals(run)) {
        throw new IllegalArgumentException("checkpoint of another run");
      }
      return Optional.ofNullable(from);
    }

    @Override
    public void save(TrainingCheckpoint checkpoint) {
      saved.add(checkpoint);
    }
  }

  private interface Fit {
    ConditionalDensityEstimator fit(TrainingListener listener);
  }

  private static Batch[] data(int n) {
    RandomGenerator rng = new RandomStreams(3).single(RandomStreams.Purpose.SIMULATOR);
    Batch c = Batch.zeros(n, 1);
    Batch u = Batch.zeros(n, 2);
    for (int i = 0; i < n; i++) {
      double ci = 2 * rng.nextDouble() - 1;
      c.set(i, 0, ci);
      u.set(i, 0, Math.abs(ci + 0.5 * rng.nextGaussian()));
      u.set(i, 1, -ci + 0.3 * rng.nextGaussian());
    }
    return new Batch[] {u, c};
  }

  private static final TrainingConfig CONFIG = TrainingConfig.defaults(11).withMaxEpochs(30).withPatience(3);

  /** Runs {@code fit} whole, then resumed from early, middle and last checkpoints; all must match the whole run. */
  private static List<TrainingCheckpoint> checkResumes(Fit fit) {
    Kept whole = new Kept(null);
    try (ConditionalDensityEstimator reference = fit.fit(TrainingListener.checkpointed(TrainingListener.NONE,
        whole))) {
      assertThat(whole.saved).hasSizeGreaterThan(4);
      int n = whole.saved.size();
      for (TrainingCheckpoint from : List.of(whole.saved.get(0), whole.saved.get(n / 2), whole.saved.get(n - 1))) {
        List<Integer> replayed = new ArrayList<>();
        try (ConditionalDensityEstimator resumed = fit.fit(TrainingListener.checkpointed(
            e -> replayed.add(e.epoch()), new Kept(from)))) {
          assertSame(reference.state(), resumed.state(), from.epoch());
          assertThat(replayed).as("every epoch reaches the listener once, the skipped ones first")
              .isEqualTo(reference.history().epochs().stream().map(e -> e.epoch()).toList());
        }
      }
      return whole.saved;
    }
  }

  private static void assertSame(EstimatorState expected, EstimatorState actual, int from) {
    assertThat(actual.weights().keySet()).isEqualTo(expected.weights().keySet());
    for (String name : expected.weights().keySet()) {
      assertThat(actual.weights().get(name)).as(name + ", resumed from epoch " + from)
          .containsExactly(expected.weights().get(name));
    }
    assertThat(actual.history().withoutTimings()).as("resumed from epoch " + from)
        .isEqualTo(expected.history().withoutTimings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"maf", "nsf", "coupling", "cvae", "fmpe", "npse"})
  void resumedTrainingEndsWithTheSameWeights(String kind) {
    Batch[] d = data(600);
    EstimatorFactory factory = registry.estimator(kind);
    // an averaged estimator's validation loss improves for longer: give it the epochs to reach the drop
    TrainingConfig config = kind.equals("npse") ? CONFIG.withMaxEpochs(150) : CONFIG;
    List<TrainingCheckpoint> saved = checkResumes(l -> factory.train(d[0], d[1], config, l));
    assertThat(saved.get(saved.size() - 1).progress().get("state")[4]).as("the learning rate was dropped")
        .isEqualTo(0);
  }

  @Test
  void resumingAcrossTheSwitchToTheTruncatedFinish() {
    Batch[] d = data(600);
    SpecFactory<?> maf = (SpecFactory<?>) registry.estimator("maf");
    double[] lower = {0, Double.NEGATIVE_INFINITY};
    double[] upper = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    List<TrainingCheckpoint> saved = checkResumes(l -> maf.train(d[0], d[1],
        new org.jsbi.inference.npe.TruncatedFinish(lower, upper, 0), CONFIG, l));
    assertThat(saved.get(saved.size() - 1).progress().get("state")[0]).as("the finish ran").isEqualTo(1);
  }

  @Test
  void aCheckpointOfOtherDataIsNotResumed() {
    Batch[] d = data(600);
    Batch[] other = data(601);
    EstimatorFactory maf = registry.estimator("maf");
    Kept whole = new Kept(null);
    maf.train(d[0], d[1], CONFIG.withMaxEpochs(2), TrainingListener.checkpointed(TrainingListener.NONE, whole))
        .close();
    assertThatThrownBy(() -> maf.train(other[0], other[1], CONFIG.withMaxEpochs(2),
        TrainingListener.checkpointed(TrainingListener.NONE, new Kept(whole.saved.get(0)))))
        .hasMessage("checkpoint of another run");
    assertThatThrownBy(() -> maf.train(d[0], d[1], CONFIG.withMaxEpochs(2).withPatience(4),
        TrainingListener.checkpointed(TrainingListener.NONE, new Kept(whole.saved.get(0)))))
        .as("another configuration").hasMessage("checkpoint of another run");
  }
}
