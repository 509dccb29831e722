package org.jsbi.inference.npe;

import org.jsbi.inference.store.PosteriorStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.ConjugateNormal;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * NPE trained as a density truncated to the prior's support, on {@link UnconstrainedNpeTest}'s model: θ ~ U[0, 1]²,
 * x ~ N(θ, σ²I), whose posterior N(x, σ²I) cut off by the box has a closed-form density. The same simulations and
 * seed train a posterior in the original space, for comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class TruncatedNpeTest {
  private Registry registry;
  private Model model;
  private NpePosterior truncated;
  private NpePosterior original;
  @TempDir Path dir;

  @BeforeAll
  void train() {
    registry = Plugins.load();
    model = Model.builder("two-dim-box").prior(Priors.boxUniform(2, 0, 1))
        .simulator(ConjugateNormal.simulator(UnconstrainedNpeTest.SIGMA)).build();
    SimulationSet sims = Simulations.run(model, 4000, 3);
    // A short patience, so that the truncated finish starts well within the epoch cap.
    TrainingConfig config = TrainingConfig.defaults(3).withMaxEpochs(80).withPatience(5);
    truncated = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.TRUNCATED).train(sims, config);
    original = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.ORIGINAL).train(sims, config);
  }

  @AfterAll
  void close() {
    truncated.close();
    original.close();
  }

  /** Mean |log q − log p| over exact posterior draws, q being the posterior's leakage-corrected log-density. */
  private static double meanAbsError(NpePosterior posterior) {
    Batch theta = UnconstrainedNpeTest.exact(2000, 13);
    double[] lp = posterior.logProb(theta, UnconstrainedNpeTest.XO);
    double sum = 0;
    for (int i = 0; i < lp.length; i++) {
      sum += Math.abs(UnconstrainedNpeTest.exactLogProb(theta.row(i)) - lp[i]);
    }
    return sum / lp.length;
  }

  @Test
  void theTruncatedFitIsCloserToTheTruncatedPosteriorThanTheOriginalOne() {
    double t = meanAbsError(truncated);
    double o = meanAbsError(original);
    System.out.printf("truncated normal posterior, mean |log q - log p|: truncated %.3f, original %.3f; "
        + "acceptance %.3f and %.3f%n", t, o, truncated.acceptanceRate(UnconstrainedNpeTest.XO),
        original.acceptanceRate(UnconstrainedNpeTest.XO));
    assertThat(t).isLessThan(0.25).isLessThan(o);
  }

  @Test
  void theTruncatedLossTakesOverWhenPatienceFirstRunsOut() {
    // Without learning-rate drops the plain fit stops at its first plateau; the truncated one is the same fit up to
    // there, epoch for epoch, and then carries on with the truncated loss.
    SimulationSet sims = Simulations.run(model, 1000, 5);
    TrainingConfig config = TrainingConfig.defaults(5).withMaxEpochs(200).withPatience(3).withLearningRateDrops(0);
    try (NpePosterior plain = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.ORIGINAL)
        .train(sims, config);
        NpePosterior finished = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.TRUNCATED)
            .train(sims, config)) {
      List<EpochStats> p = plain.estimator().history().withoutTimings().epochs();
      List<EpochStats> f = finished.estimator().history().withoutTimings().epochs();
      assertThat(p.size()).isLessThan(200);
      assertThat(f.size()).isGreaterThan(p.size());
      assertThat(f.subList(0, p.size())).isEqualTo(p);
      assertThat(f.get(p.size()).validationLoss()).isLessThan(p.get(p.size() - 1).validationLoss());
    }
  }

  @Test
  void belowTheLeakThresholdTrainingGoesOnToTheOriginalWeights() {
    SimulationSet sims = Simulations.run(model, 1000, 5);
    TrainingConfig config = TrainingConfig.defaults(5).withMaxEpochs(200).withPatience(3);
    double[] lower = {0, 0};
    double[] upper = {1, 1};
    Batch theta = UnconstrainedNpeTest.exact(50, 17);
    try (NpePosterior plain = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.ORIGINAL)
            .train(sims, config);
        var never = ((SpecFactory<?>) registry.estimator("maf")).train(sims.theta(), sims.x(),
            new TruncatedFinish(lower, upper, 1.0), config,
            e -> { });
        var always = ((SpecFactory<?>) registry.estimator("maf")).train(sims.theta(), sims.x(),
            new TruncatedFinish(lower, upper, 0.0), config,
            e -> { })) {
      var p = plain.estimator().history();
      var n = never.history();
      assertThat(p.supportLeak()).isNaN();
      assertThat(n.supportLeak()).isGreaterThan(0.0).isLessThan(1.0);
      assertThat(n.finishFrom()).isZero();
      assertThat(n.withoutTimings().epochs()).isEqualTo(p.withoutTimings().epochs());
      Batch x = Batch.zeros(theta.rows(), 2);
      for (int r = 0; r < theta.rows(); r++) {
        x.setRow(r, UnconstrainedNpeTest.XO);
      }
      assertThat(never.logProb(theta, x)).containsExactly(plain.estimator().logProb(theta, x));
      // The same leak, measured at the same point of the same fit, and from there on the truncated loss.
      assertThat(always.history().supportLeak()).isEqualTo(n.supportLeak());
      assertThat(always.history().finishFrom()).isGreaterThan(1);
      assertThat(always.history().epochs().subList(0, always.history().finishFrom() - 1).stream()
          .map(e -> e.validationLoss()).toList()).isEqualTo(n.epochs().subList(0, always.history().finishFrom() - 1)
          .stream().map(e -> e.validationLoss()).toList());
    }
  }

  @Test
  void autoFinishesAsTruncatedOnlyFromItsLeakThreshold() throws IOException {
    try (NpePosterior auto = new Npe(model, registry.estimator("maf")).train(Simulations.run(model, 1000, 5),
        TrainingConfig.defaults(5).withMaxEpochs(200).withPatience(3))) {
      var h = auto.estimator().history();
      System.out.printf("auto: q's mass outside the box %.3f, finished from epoch %d%n", h.supportLeak(),
          h.finishFrom());
      assertThat(auto.thetaSpace()).isEqualTo(ThetaSpace.AUTO);
      assertThat(h.supportLeak()).isBetween(0.0, 1.0);
      assertThat(h.finishFrom() > 0).isEqualTo(h.supportLeak() >= ThetaSpace.AUTO_MIN_LEAK);
    }
    // The leak and the finish's first epoch are saved with the history.
    Model moons = registry.model("two-moons"); // a registered model, so that loading can look it up
    try (NpePosterior auto = new Npe(moons, registry.estimator("maf")).train(Simulations.run(moons, 1000, 2),
        TrainingConfig.defaults(2).withMaxEpochs(100).withPatience(3))) {
      Path saved = dir.resolve("auto");
      PosteriorStore.save(auto, saved);
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(auto.estimator().history().supportLeak()).isBetween(0.0, 1.0);
        assertThat(loaded.estimator().history()).isEqualTo(auto.estimator().history());
        assertThat(((NpePosterior) loaded).thetaSpace()).isEqualTo(ThetaSpace.AUTO);
      }
    }
    // An estimated density cannot be truncated: auto fits it in the original space.
    try (NpePosterior cvae = new Npe(model, registry.estimator("cvae")).train(Simulations.run(model, 100, 1),
        TrainingConfig.defaults(1).withMaxEpochs(1))) {
      assertThat(cvae.estimator().history().supportLeak()).isNaN();
    }
  }

  @Test
  void samplingRejectsDrawsOutsideTheBox() {
    var s = truncated.sample(2000, UnconstrainedNpeTest.XO, 11);
    assertThat(s.acceptanceRate()).isLessThan(1.0);
    for (int i = 0; i < s.samples().rows(); i++) {
      assertThat(model.prior().inSupport(s.samples().row(i))).isTrue();
    }
  }

  @Test
  void saveAndLoadKeepTheSpace() throws IOException {
    Model moons = registry.model("two-moons"); // a registered model, so that loading can look it up
    double[] xo = {-0.6396706, 0.16234657};
    Path saved = dir.resolve("truncated");
    try (NpePosterior trained = new Npe(moons, registry.estimator("nsf")).thetaSpace(ThetaSpace.TRUNCATED)
        .train(Simulations.run(moons, 1000, 1), TrainingConfig.defaults(1).withMaxEpochs(5))) {
      PosteriorStore.save(trained, saved);
      assertThat(Files.readString(saved.resolve("posterior.json"))).contains("\"thetaSpace\" : \"truncated\"");
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(((NpePosterior) loaded).thetaSpace()).isEqualTo(ThetaSpace.TRUNCATED);
        assertThat(loaded.sample(300, xo, 7).samples()).isEqualTo(trained.sample(300, xo, 7).samples());
      }
    }
  }

  @Test
  void anEstimatedDensityIsRefusedNamingTheFlows() {
    assertThatThrownBy(() -> new Npe(model, registry.estimator("cvae")).thetaSpace(ThetaSpace.TRUNCATED)
        .train(Simulations.run(model, 100, 1), TrainingConfig.defaults(1).withMaxEpochs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cvae")
        .hasMessageContaining("maf, nsf or coupling");
    assertThatThrownBy(() -> new Npe(model, registry.estimator("fmpe")).thetaSpace(ThetaSpace.TRUNCATED)
        .train(Simulations.run(model, 100, 1), TrainingConfig.defaults(1).withMaxEpochs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fmpe: a density truncated to the prior's support adds its log-mass to the negative "
            + "log-likelihood, and this estimator trains by another loss");
    assertThatThrownBy(() -> new Npe(model, registry.estimator("npse")).thetaSpace(ThetaSpace.TRUNCATED)
        .train(Simulations.run(model, 100, 1), TrainingConfig.defaults(1).withMaxEpochs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("npse: a density truncated to the prior's support");
  }
}
