package org.jsbi.inference.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.toolkit.Trials;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;

/**
 * NPE with a deep-set embedding on the bundled gaussian-trials model, amortized over 1 to 50 i.i.d. trials
 * x ~ N(θ, I₂), θ ~ N(0, I₂): the exact posterior is N(N x̄ / (N + 1), I / (N + 1)) for every N.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepSetTest {
  private static final DataShape SHAPE = DataShape.trials(1, 50, 2);
  private Registry registry;
  private Model model;
  private NpePosterior posterior;
  @TempDir Path dir;

  @BeforeAll
  void train() {
    registry = Plugins.load();
    model = registry.model("gaussian-trials");
    FlowFactory factory = new FlowFactory(FlowSpec.nsf().withEmbedding(new EmbeddingSpec("deepset", 8, 32, SHAPE)));
    posterior = new Npe(model, factory).train(Simulations.run(model, 5000, 1), TrainingConfig.defaults(2));
  }

  @AfterAll
  void close() {
    posterior.close();
  }

  @Test
  void theModelTakesItsShapeFromTheTrialsAndNamesItsColumns() {
    assertThat(model.dataShape()).isEqualTo(SHAPE);
    assertThat(model.dataNames()).hasSize(101).startsWith("trials", "x_1[trial=1]", "x_2[trial=1]", "x_1[trial=2]");
    assertThat(model.dataNames().get(100)).isEqualTo("x_2[trial=50]");
  }

  @Test
  void featuresIgnoreTheTrialsOrderAndThePaddingPastN() {
    RandomGenerator rng = new RandomStreams(3).single(RandomStreams.Purpose.SIMULATOR);
    double[][] trials = new double[7][];
    for (int k = 0; k < trials.length; k++) {
      trials[k] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
    }
    double[] row = Trials.row(SHAPE, trials);
    double[][] shuffled = {trials[3], trials[6], trials[0], trials[5], trials[1], trials[4], trials[2]};
    double[] other = Trials.row(SHAPE, shuffled);
    double[] padded = row.clone();
    for (int j = 1 + 7 * 2; j < padded.length; j++) {
      padded[j] = 100 * rng.nextGaussian();
    }
    DataFeatures f = posterior.as(DataFeatures.class).orElseThrow();
    Batch e = f.features(Batch.of(row, other, padded));
    for (int j = 0; j < e.cols(); j++) {
      assertThat(e.get(1, j)).as("feature %d, trials shuffled", j).isCloseTo(e.get(0, j),
          org.assertj.core.data.Offset.offset(1e-6));
      assertThat(e.get(2, j)).as("feature %d, padding changed", j).isCloseTo(e.get(0, j),
          org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  /** One posterior for every N: C2ST against the exact posterior at N = 1, 5, 20 and 50. */
  @Test
  void oneTrainingAnswersEveryNumberOfTrials() {
    for (int n : new int[] {1, 5, 20, 50}) {
      RandomGenerator rng = new RandomStreams(10 + n).single(RandomStreams.Purpose.SIMULATOR);
      double[] theta = {0.6, -0.9}; // a typical draw of the prior
      double[][] trials = new double[n][];
      double[] mean = new double[2];
      for (int k = 0; k < n; k++) {
        trials[k] = new double[] {theta[0] + rng.nextGaussian(), theta[1] + rng.nextGaussian()};
        mean[0] += trials[k][0] / n;
        mean[1] += trials[k][1] / n;
      }
      Batch q = posterior.sample(2000, Trials.row(SHAPE, trials), 4).samples();
      Batch exact = Batch.zeros(2000, 2);
      double sd = 1 / Math.sqrt(n + 1.0);
      for (int i = 0; i < 2000; i++) {
        for (int j = 0; j < 2; j++) {
          exact.set(i, j, n * mean[j] / (n + 1.0) + sd * rng.nextGaussian());
        }
      }
      double c2st = C2st.score(q, exact, 5);
      System.out.printf("deepset NPE, 5000 simulations, N = %d: C2ST %.3f%n", n, c2st);
      // N = 1's posterior, the broadest, is the hardest: 0.569 here (0.596 before the embedding trained on subsets,
      // when only 1 in 50 training sets had N = 1; at 10⁴ simulations see TrialsAccuracy in BENCHMARKS.md).
      assertThat(c2st).as("C2ST at N = %d", n).isLessThan(n == 1 ? 0.65 : 0.6);
    }
  }

  @Test
  void aNumberOfTrialsOutsideTheTrainedRangeIsRefused() {
    double[][] many = new double[51][];
    java.util.Arrays.fill(many, new double[] {0, 0});
    assertThatThrownBy(() -> Trials.row(SHAPE, many)).hasMessageContaining("expected 1 to 50 trials")
        .hasMessageContaining("got 51");
    double[] none = new double[SHAPE.columns()];
    assertThatThrownBy(() -> posterior.sample(10, none, 1)).hasMessageContaining("xObserved: expected 1 to 50 "
        + "trials, the range the posterior was trained on, got 0.0");
  }

  @Test
  void saveAndLoadRoundTripExactly() throws Exception {
    Path saved = dir.resolve("posterior");
    PosteriorStore.save(posterior, saved);
    double[] xo = Trials.row(SHAPE, new double[][] {{0.3, -0.2}, {1.1, 0.4}, {0.2, 0.9}});
    try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
      assertThat(loaded.sample(300, xo, 7).samples()).isEqualTo(posterior.sample(300, xo, 7).samples());
      Batch theta = posterior.sample(50, xo, 8).samples();
      assertThat(loaded.logProb(theta, xo)).containsExactly(posterior.logProb(theta, xo));
      assertThat(loaded.estimator().state().condition()).usingRecursiveComparison()
          .isEqualTo(posterior.estimator().state().condition());
    }
  }
}
