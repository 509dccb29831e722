package org.jsbi.inference.npe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.Simulator;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.junit.jupiter.api.Test;

/**
 * NPE with an embedding network on 100-dimensional data: θ ~ N(0, I₂), x_j = θ_(j mod 2) + ε_j for j < 100. Each
 * θ_k has 50 unit-noise observations, so the posterior is N(Σ_(j ≡ k) x_j / 51, 1/51) per coordinate, exactly.
 */
class EmbeddingNetworkTest {
  static final int DATA_DIM = 100;

  static final class Repeated implements Simulator {
    @Override
    public int parameterDim() {
      return 2;
    }

    @Override
    public int dataDim() {
      return DATA_DIM;
    }

    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      double[] x = new double[DATA_DIM];
      for (int j = 0; j < DATA_DIM; j++) {
        x[j] = theta[j % 2] + rng.nextGaussian();
      }
      return x;
    }
  }

  /** C2ST of a posterior trained with {@code seed} against the exact one, at {@code xo}. */
  private static double c2st(Model model, FlowFactory factory, double[] xo, long seed,
      java.util.function.Consumer<NpePosterior> alsoCheck) {
    try (NpePosterior posterior = new Npe(model, factory).train(Simulations.run(model, 10000, 1),
        TrainingConfig.defaults(seed))) {
      Batch ours = posterior.sample(2000, xo, 2).samples();
      RandomGenerator rng = new RandomStreams(3).single(RandomStreams.Purpose.SAMPLER);
      Batch exact = Batch.zeros(2000, 2);
      for (int k = 0; k < 2; k++) {
        double sum = 0;
        for (int j = k; j < DATA_DIM; j += 2) {
          sum += xo[j];
        }
        for (int i = 0; i < 2000; i++) {
          exact.set(i, k, sum / 51 + Math.sqrt(1.0 / 51) * rng.nextGaussian());
        }
      }
      double score = C2st.score(ours, exact, 4);
      System.out.printf("100-d data, maf with embedding, 10000 simulations, seed %d: C2ST %.3f%n", seed, score);
      alsoCheck.accept(posterior);
      return score;
    }
  }

  @Test
  void posteriorOnHundredDimensionalDataMatchesTheAnalyticOne() {
    Model model = Model.builder("repeated").prior(Priors.isotropicNormal(2, 0, 1)).simulator(new Repeated()).build();
    FlowFactory factory = new FlowFactory(FlowSpec.maf().withEmbedding(8, 64));
    assertThat(factory.description()).contains("embedding network to 8 features");
    double[] xo = new Repeated().simulate(new double[] {0.7, -1.2}, new RandomStreams(9).single(
        RandomStreams.Purpose.SIMULATOR));
    // One training run's C2ST varies with the seed and, since training is reproducible per kind of CPU only, with
    // the machine: seeds 1 to 4 gave 0.554, 0.545, 0.506 and 0.603 on an AVX2 machine. The gate is on the median
    // of three seeds, so one unlucky run cannot fail it.
    double[] scores = new double[3];
    for (int seed = 1; seed <= 3; seed++) {
      scores[seed - 1] = c2st(model, factory, xo, seed, seed > 1 ? p -> { } : posterior -> {
        ConditionalDensityEstimator q = posterior.estimator();
        Batch ours = posterior.sample(200, xo, 2).samples();
        try (ConditionalDensityEstimator copy = factory.restore(q.state())) {
          Batch x = Batch.wrap(1, DATA_DIM, xo.clone());
          assertThat(copy.logProb(ours, x)).containsExactly(q.logProb(ours, x));
        }
      });
    }
    java.util.Arrays.sort(scores);
    assertThat(scores[1]).as("median C2ST of three seeds").isLessThanOrEqualTo(0.65);
  }
}
