package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.toolkit.Trials;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The data-space checks of a set model (gaussian-trials: 1 to 50 trials x ~ N(θ, I₂)) compare an observed set with
 * simulated sets of its own size, not padded rows: a set from the model passes whatever its N, and a set whose
 * trials are three times too spread fails.
 */
class SetChecksTest {
  @Test
  void aSetIsComparedWithSimulatedSetsOfItsOwnSize() {
    Model model = Plugins.load().model("gaussian-trials");
    DataShape shape = model.dataShape();
    Batch reference = Simulations.run(model, 2000, 2).x();
    FlowFactory maf = new FlowFactory(FlowSpec.maf());
    FlowFactory embedded = new FlowFactory(FlowSpec.maf().withEmbedding(new EmbeddingSpec("deepset", 4, 16, shape)));
    RandomGenerator rng = new RandomStreams(5).single(RandomStreams.Purpose.SIMULATOR);
    Batch observations = Batch.of(set(shape, 40, 1, rng), set(shape, 3, 1, rng), set(shape, 40, 3, rng));
    try (NpePosterior npe = new Npe(model, embedded).train(Simulations.run(model, 500, 1),
            TrainingConfig.defaults(1).withMaxEpochs(5));
        CheckSuite suite = CheckSuite.of(npe, reference, maf, false, 50, 3)) {
      CheckOutcome o = suite.run(observations, 4);
      for (String check : List.of("mmd", "typicality")) {
        assertThat(p(o, 0, check)).as("%s of 40 trials from the model", check).isGreaterThan(0.05);
        assertThat(p(o, 1, check)).as("%s of 3 trials from the model", check).isGreaterThan(0.05);
        // typicality's least p-value is 1 / (1 + the 97 held-out sets of 40 trials or more)
        assertThat(p(o, 2, check)).as("%s of 40 trials three times too spread", check).isLessThan(0.011);
      }
      assertThat(detail(o, 0, "mmd")).contains("simulations (RBF bandwidth").endsWith("on sets cut to their first 40 trials");
      assertThat(detail(o, 1, "typicality")).startsWith("mean log q over the observation's 3 trials")
          .contains("held-out sets cut to 3 trials");
      // together, cut to the smallest observed N: 3 trials of the spread set say less than its 40
      assertThat(o.batch().detail()).contains("between 3 observation(s) and").endsWith("cut to their first 3 trials");
    }
  }

  private static double p(CheckOutcome o, int observation, String check) {
    return result(o, observation, check).pValue();
  }

  private static String detail(CheckOutcome o, int observation, String check) {
    return result(o, observation, check).detail();
  }

  private static CheckResult result(CheckOutcome o, int observation, String check) {
    return o.reports().get(observation).checks().stream().filter(r -> r.name().equals(check)).findFirst()
        .orElseThrow();
  }

  /** N trials of x ~ N(θ, sd² I₂) for a θ drawn from the prior, laid out as a set. */
  private static double[] set(DataShape shape, int n, double sd, RandomGenerator rng) {
    double[] theta = {rng.nextGaussian(), rng.nextGaussian()};
    double[][] trials = new double[n][];
    for (int k = 0; k < n; k++) {
      trials[k] = new double[] {theta[0] + sd * rng.nextGaussian(), theta[1] + sd * rng.nextGaussian()};
    }
    return Trials.row(shape, trials);
  }
}
