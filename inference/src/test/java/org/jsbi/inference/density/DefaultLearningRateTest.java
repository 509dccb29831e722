package org.jsbi.inference.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.ConjugateNormal;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.npe.Npe;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

/** The learning rate by default is the estimator's own, and what a posterior records is the rate it trained at. */
class DefaultLearningRateTest {
  @Test
  void eachEstimatorHasItsOwnDefaultRateAndAGivenRateWins() throws Exception {
    try (Registry registry = Plugins.load()) {
      for (String flow : new String[] {"nsf", "maf", "coupling"}) {
        assertThat(registry.estimator(flow).defaultLearningRate()).as(flow).isEqualTo(2e-3);
        assertThat(registry.estimator(flow).withEmbedding(4, 16).defaultLearningRate()).as(flow).isEqualTo(2e-3);
      }
      assertThat(registry.estimator("cvae").defaultLearningRate()).isEqualTo(5e-4);
      TrainingConfig defaults = TrainingConfig.defaults(1);
      assertThat(defaults.learningRate()).isZero();
      assertThat(defaults.resolvedFor(registry.estimator("nsf")).learningRate()).isEqualTo(2e-3);
      assertThat(defaults.withLearningRate(1e-4).resolvedFor(registry.estimator("nsf")).learningRate())
          .isEqualTo(1e-4);
    }
  }

  /** Patience, likewise: sbi's 20 unless the estimator says otherwise (flow matching: 100); a given one wins. */
  @Test
  void eachEstimatorHasItsOwnDefaultPatienceAndAGivenOneWins() throws Exception {
    try (Registry registry = Plugins.load()) {
      TrainingConfig defaults = TrainingConfig.defaults(1);
      assertThat(defaults.patience()).isZero();
      for (String kind : new String[] {"nsf", "maf", "coupling", "cvae"}) {
        assertThat(defaults.resolvedFor(registry.estimator(kind)).patience()).as(kind).isEqualTo(20);
      }
      assertThat(defaults.resolvedFor(registry.estimator("fmpe")).patience()).isEqualTo(100);
      assertThat(defaults.withPatience(7).resolvedFor(registry.estimator("fmpe")).patience()).isEqualTo(7);
    }
  }

  @Test
  void aPosteriorRecordsTheRateItTrainedAt() throws Exception {
    Model model = ConjugateNormal.model();
    SimulationSet sims = Simulations.run(model, 500, 3);
    TrainingConfig config = TrainingConfig.defaults(4).withMaxEpochs(2);
    try (Registry registry = Plugins.load();
        var npe = new Npe(model, registry.estimator("maf")).train(sims, config);
        var nle = new Nle(model, registry.estimator("cvae")).train(sims, config)) {
      assertThat(npe.training().config().learningRate()).isEqualTo(2e-3);
      assertThat(nle.training().config().learningRate()).isEqualTo(5e-4);
    }
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThatThrownBy(() -> TrainingConfig.defaults(1).withLearningRate(-1e-3))
        .hasMessageContaining("learningRate: expected 0 (the estimator's default) or a positive number, got -0.001");
  }
}
