package org.jsbi.inference.nle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.mcmc.McmcSettings;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * NLE against closed-form posteriors: sbibm's gaussian-linear (10-D), and a 2-D conjugate model, θ ~ N(0, I),
 * x | θ ~ N(θ, 0.5² I), whose posterior after n i.i.d. trials is N(4n x̄ / (4n + 1), I / (4n + 1)).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class NleTest {
  // sbibm's observation 1 for gaussian-linear.
  private static final double[] XO = {1.0471346, 0.5566712, -0.23618454, 0.027879834, -1.0051446, -0.007930746,
    0.06117077, -0.29286885, -0.38539964, 0.2449614};
  private Registry registry;
  private Model model;
  private NlePosterior posterior;
  private Model conjugate;
  private NlePosterior conjugatePosterior;

  @BeforeAll
  void train() {
    registry = Plugins.load();
    model = registry.model("gaussian-linear");
    SimulationSet sims = Simulations.run(model, 5000, 1);
    posterior = new Nle(model, registry.estimator("maf")).train(sims, TrainingConfig.defaults(2));
    conjugate = org.jsbi.inference.ConjugateNormal.model();
    conjugatePosterior = new Nle(conjugate, registry.estimator("maf"))
        .mcmc(Mcmc.Method.SLICE, McmcSettings.defaults().withChains(20).withThin(2))
        .train(Simulations.run(conjugate, 5000, 11), TrainingConfig.defaults(12));
  }

  @AfterAll
  void close() throws Exception {
    posterior.close();
    conjugatePosterior.close();
    registry.close();
  }

  @Test
  void matchesTheAnalyticPosterior() {
    PosteriorSamples s = posterior.sample(3000, XO, 3);
    Batch reference = model.referencePosterior().orElseThrow().sample(3000, XO,
        new RandomStreams(4).single(RandomStreams.Purpose.SAMPLER));
    double score = C2st.score(s.samples(), reference, 5);
    System.out.printf("NLE gaussian-linear maf 5000: C2ST %.3f, %d epochs; %s%n", score,
        posterior.estimator().history().epochCount(), s.diagnostics());
    assertThat(score).isLessThanOrEqualTo(0.6);
    assertThat(s.diagnostics()).contains("slice sampler").contains("R-hat").doesNotContain("warning");
  }

  /**
   * Five trials of one θ: the likelihoods add up, and the posterior narrows to variance 1 / 21 (had only one trial
   * counted, the sd would be 0.45, not 0.22). The mean's tolerance, 0.25 sd, allows for the learned likelihood's
   * own error in its mean (about 0.03 here; see the surrogate test).
   */
  @Test
  void iidTrialsSumTheirLogLikelihoods() {
    Batch trials = Batch.zeros(5, 2);
    var rng = new RandomStreams(6).single(RandomStreams.Purpose.SIMULATOR);
    double[] theta = {0.7, -0.4};
    for (int j = 0; j < 5; j++) {
      trials.setRow(j, conjugate.simulator().simulate(theta, rng));
    }
    McmcResult r = conjugatePosterior.mcmc(4000, trials, 7);
    System.out.println("NLE, 5 i.i.d. trials: " + r.summary());
    double trueSd = Math.sqrt(1.0 / 21);
    for (int i = 0; i < 2; i++) {
      double xbar = Arrays.stream(trials.column(i)).average().orElseThrow();
      double[] v = r.samples().column(i);
      double m = Arrays.stream(v).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1));
      assertThat(m).as("posterior mean of θ%d", i + 1).isCloseTo(20 * xbar / 21, Offset.offset(0.25 * trueSd));
      assertThat(sd).as("posterior sd of θ%d", i + 1).isCloseTo(trueSd, Offset.offset(0.1 * trueSd));
    }
  }

  /** The learned likelihood as a simulator: x | θ ~ N(θ, 0.5² I), and a batch equals its rows drawn one by one. */
  @Test
  void theSurrogateSimulatesLikeTheSimulator() {
    SurrogateSimulator surrogate = conjugatePosterior.surrogate();
    double[] theta = {0.6, -1.1};
    int n = 4000;
    Batch thetas = Batch.zeros(n, 2);
    var streams = new RandomStreams(8);
    java.util.random.RandomGenerator[] rngs = new java.util.random.RandomGenerator[n];
    for (int i = 0; i < n; i++) {
      thetas.setRow(i, theta);
      rngs[i] = streams.stream(i, RandomStreams.Purpose.SIMULATOR);
    }
    Batch x = surrogate.simulateBatch(thetas, rngs);
    for (int j = 0; j < 2; j++) {
      double[] col = x.column(j);
      double m = Arrays.stream(col).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(col).map(a -> (a - m) * (a - m)).sum() / (n - 1));
      assertThat(m).as("mean of x%d", j + 1).isCloseTo(theta[j], Offset.offset(0.05));
      assertThat(sd).as("sd of x%d", j + 1).isCloseTo(0.5, Offset.offset(0.05));
    }
    double[] one = surrogate.simulate(theta, streams.stream(17, RandomStreams.Purpose.SIMULATOR));
    for (int j = 0; j < 2; j++) {
      assertThat(one[j]).isCloseTo(x.get(17, j), Offset.offset(1e-5));
    }
  }

  @Test
  void savesAndLoadsAsAnNlePosterior(@TempDir Path dir) throws Exception {
    PosteriorStore.save(posterior, dir.resolve("nle"));
    try (TrainedPosterior loaded = PosteriorStore.load(dir.resolve("nle"), registry)) {
      assertThat(loaded.method()).isEqualTo("nle");
      Batch theta = model.prior().sample(20, new RandomStreams(9).single(RandomStreams.Purpose.PRIOR));
      assertThat(loaded.logProb(theta, XO)).containsExactly(posterior.logProb(theta, XO));
    }
  }
}
