package org.jsbi.inference.nre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.inference.ConjugateNormal;
import org.jsbi.inference.ImportanceSampling;
import org.jsbi.inference.RatioClassified;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.SbiPlugin;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * NRE-C against the closed-form posterior of the conjugate model θ ~ N(0, I), x | θ ~ N(θ, 0.5² I): after n i.i.d.
 * trials N(4n x̄ / (4n + 1), I / (4n + 1)). One trial and five (summed log-ratios), save and load, and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class NreTest {
  private Registry registry;
  private Model model;
  private McmcSampled posterior;

  @BeforeAll
  void train() {
    registry = new PluginLoader().plugin(new SbiPlugin() {
      @Override
      protected void configure() {
        model("conjugate-normal").prior(ConjugateNormal.model().prior()).simulator(ConjugateNormal.simulator(0.5));
      }
    }).load();
    model = registry.model("conjugate-normal");
    posterior = (McmcSampled) new NreMethod("nre-c").train(model, Simulations.run(model, 5000, 21),
        registry.estimator("ratio"), Map.of(), TrainingConfig.defaults(22), TrainingListener.NONE);
  }

  @AfterAll
  void close() throws Exception {
    posterior.close();
    registry.close();
  }

  @Test
  void oneTrialMatchesTheAnalyticPosterior() {
    double[] x = {0.5, -0.3};
    assertMoments(posterior.mcmc(4000, Batch.wrap(1, 2, x.clone()), 3).samples(), x, 1);
    assertThat(posterior.method()).isEqualTo("nre-c");
  }

  /** Sampling-importance-resampling from the prior, weighted by the ratio: the same posterior, and its ESS said. */
  @Test
  void priorDrawsWeightedByTheRatioMatchToo() {
    double[] x = {0.5, -0.3};
    PosteriorSamples s = ImportanceSampling.fromPrior(posterior, 4000, x, 32, 4);
    assertMoments(s.samples(), x, 1);
    assertThat(s.diagnostics()).contains("proposals from the prior").contains("effective sample size")
        .doesNotContain("warning");
  }

  /**
   * The classifier's report on fresh pairs against the exact ratio's on the same pairs, log r = log N(x; θ, 0.25 I)
   * − log N(x; 0, 1.25 I): the accuracies agree, and the classifier is balanced, as the exact one is.
   */
  @Test
  void itsClassifierScoresLikeTheExactRatio() {
    var sims = Simulations.run(model, 2000, 31);
    RatioClassified.Report report = ((RatioClassified) posterior).classifier(sims.theta(), sims.x());
    int n = sims.theta().rows();
    double right = 0;
    for (int i = 0; i < n; i++) {
      double[] x = sims.x().row(i);
      right += (exactLogRatio(x, sims.theta().row(i)) > 0 ? 1 : 0)
          + (exactLogRatio(x, sims.theta().row((i + 1) % n)) < 0 ? 1 : 0);
    }
    assertThat(report.pairs()).isEqualTo(2000);
    assertThat(report.accuracy()).isCloseTo(right / (2.0 * n), Offset.offset(0.03));
    assertThat(report.balance()).isCloseTo(0, Offset.offset(0.05));
  }

  private static double exactLogRatio(double[] x, double[] theta) {
    double lr = 0;
    for (int j = 0; j < 2; j++) {
      lr += -0.5 * Math.pow(x[j] - theta[j], 2) / 0.25 - 0.5 * Math.log(0.25)
          + 0.5 * x[j] * x[j] / 1.25 + 0.5 * Math.log(1.25);
    }
    return lr;
  }

  @Test
  void iidTrialsSumTheirLogRatios() {
    Batch trials = Batch.zeros(5, 2);
    var rng = new RandomStreams(6).single(RandomStreams.Purpose.SIMULATOR);
    for (int j = 0; j < 5; j++) {
      trials.setRow(j, model.simulator().simulate(new double[] {0.7, -0.4}, rng));
    }
    double[] xbar = {Arrays.stream(trials.column(0)).average().orElseThrow(),
        Arrays.stream(trials.column(1)).average().orElseThrow()};
    assertMoments(posterior.mcmc(4000, trials, 7).samples(), xbar, 5);
  }

  /** Means within a quarter of the true sd and sds within 15% of it. */
  private static void assertMoments(Batch draws, double[] xbar, int n) {
    double sdTrue = Math.sqrt(1.0 / (4 * n + 1));
    for (int i = 0; i < 2; i++) {
      double[] v = draws.column(i);
      double m = Arrays.stream(v).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1));
      assertThat(m).as("posterior mean of θ%d after %d trials", i + 1, n)
          .isCloseTo(4 * n * xbar[i] / (4 * n + 1), Offset.offset(0.25 * sdTrue));
      assertThat(sd).as("posterior sd of θ%d after %d trials", i + 1, n).isCloseTo(sdTrue,
          Offset.offset(0.15 * sdTrue));
    }
  }

  @Test
  void savesAndLoadsWithItsSettings(@TempDir Path dir) throws Exception {
    PosteriorStore.save(posterior, dir.resolve("p"));
    try (TrainedPosterior loaded = PosteriorStore.load(dir.resolve("p"), registry)) {
      assertThat(loaded.method()).isEqualTo("nre-c");
      assertThat(loaded.settings()).containsEntry("classes", "5").containsEntry("gamma", "1.0");
      Batch theta = Batch.of(new double[] {0.1, 0.2}, new double[] {-0.5, 0.3});
      assertThat(loaded.logProb(theta, new double[] {0.4, 0.1})).containsExactly(posterior.logProb(theta,
          new double[] {0.4, 0.1}));
    }
  }

  @Test
  void refusesWhatDoesNotFit() {
    assertThatThrownBy(() -> new NreMethod("nre-c").checkEstimator(registry.estimator("maf")))
        .hasMessageStartingWith("nre-c trains a ratio classifier, got masked autoregressive flow, ")
        .hasMessageEndingWith("; use the estimator 'ratio'");
    assertThatThrownBy(() -> new NreMethod("nre-c").checkOptions(Map.of("classes", "0")))
        .hasMessage("classes: expected 1 to 100, got 0");
    assertThatThrownBy(() -> new NreMethod("nre-a").checkOptions(Map.of("gamma", "2")))
        .hasMessageStartingWith("gamma: not an option of this method");
    assertThatThrownBy(() -> registry.estimator("ratio").train(Batch.zeros(10, 2), Batch.zeros(10, 2),
        TrainingConfig.defaults(1), TrainingListener.NONE)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("not by maximum likelihood");
  }
}
