package org.jsbi.inference.npe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.ConjugateNormal;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Warm starts: a posterior trained on a first set of simulations is continued on a second. What it learned carries
 * over (the continued run starts where a fresh run on the second set is only after many epochs), its
 * standardization and θ space are kept, and it is left unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmStartTest {
  private static final TrainingConfig CONFIG = TrainingConfig.defaults(3).withMaxEpochs(25).withPatience(5);
  private Registry registry;
  private Model model;
  private SimulationSet first;
  private SimulationSet second;

  @BeforeAll
  void setUp() {
    registry = Plugins.load();
    model = Model.builder("two-dim-box").prior(Priors.boxUniform(2, 0, 1))
        .simulator(ConjugateNormal.simulator(UnconstrainedNpeTest.SIGMA)).build();
    first = Simulations.run(model, 1500, 3);
    second = Simulations.run(model, 1500, 4);
  }

  @AfterAll
  void close() throws java.io.IOException {
    registry.close();
  }

  private static double firstValidationLoss(TrainedPosterior p) {
    return p.estimator().history().epochs().get(0).validationLoss();
  }

  private static void assertSameStandardization(EstimatorState a, EstimatorState b) {
    assertThat(b.input().mean()).containsExactly(a.input().mean());
    assertThat(b.input().std()).containsExactly(a.input().std());
    assertThat(b.condition().mean()).containsExactly(a.condition().mean());
    assertThat(b.condition().std()).containsExactly(a.condition().std());
  }

  @Test
  void npeContinuesFromWhatItLearnedInItsOwnThetaSpace() {
    try (NpePosterior from = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.UNCONSTRAINED)
            .train(first, CONFIG);
        NpePosterior fresh = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.UNCONSTRAINED)
            .train(second, CONFIG);
        NpePosterior continued = new Npe(model, registry.estimator("maf")).warmStart(from).train(second, CONFIG)) {
      var before = from.sample(50, UnconstrainedNpeTest.XO, 9).samples();
      assertThat(continued.thetaSpace()).isEqualTo(ThetaSpace.UNCONSTRAINED);
      assertSameStandardization(((UnconstrainedEstimator) from.estimator()).inner().state(),
          ((UnconstrainedEstimator) continued.estimator()).inner().state());
      // A fresh run's first epoch is far from the fit; the continued run's is already about as good as the end.
      double freshBest = fresh.estimator().history().bestValidationLoss();
      assertThat(firstValidationLoss(continued)).isLessThan(firstValidationLoss(fresh))
          .isLessThan(freshBest + 0.1 * Math.abs(firstValidationLoss(fresh) - freshBest));
      assertThat(from.sample(50, UnconstrainedNpeTest.XO, 9).samples()).isEqualTo(before);
    }
  }

  @Test
  void nleContinuesFromWhatItLearned() {
    try (NlePosterior from = new Nle(model, registry.estimator("maf")).train(first, CONFIG);
        NlePosterior fresh = new Nle(model, registry.estimator("maf")).train(second, CONFIG);
        NlePosterior continued = new Nle(model, registry.estimator("maf")).warmStart(from).train(second, CONFIG)) {
      assertSameStandardization(from.estimator().state(), continued.estimator().state());
      assertThat(firstValidationLoss(continued)).isLessThan(firstValidationLoss(fresh));
    }
  }

  @Test
  void aPosteriorOfAnotherModelOrEstimatorKindIsRefused() {
    Model other = Model.builder("other").prior(Priors.boxUniform(2, 0, 1))
        .simulator(ConjugateNormal.simulator(UnconstrainedNpeTest.SIGMA)).build();
    try (NpePosterior from = new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.ORIGINAL)
        .train(first, CONFIG.withMaxEpochs(2))) {
      assertThatThrownBy(() -> new Npe(other, registry.estimator("maf")).warmStart(from))
          .hasMessage("from: expected a posterior of model 'other', got one of 'two-dim-box'");
      assertThatThrownBy(() -> new Npe(model, registry.estimator("nsf")).warmStart(from).train(second, CONFIG))
          .hasMessageStartingWith("from: expected an estimator of kind 'nsf', got 'maf'");
    }
  }
}
