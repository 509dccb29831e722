package org.jsbi.inference.npe;

import org.jsbi.api.posterior.TrainingRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplingLimits;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpePosteriorTest {
  static final double[] MOONS_XO = {-0.6396706, 0.16234657};
  private NpePosterior moons;
  private NpePosterior linear;

  @BeforeAll
  void train() {
    Registry registry = Plugins.load();
    Model twoMoons = registry.model("two-moons");
    moons = new Npe(twoMoons, registry.estimator("maf"))
        .limits(new SamplingLimits(1000, 1e-3, 5000, 60))
        .train(Simulations.run(twoMoons, 3000, 1), TrainingConfig.defaults(1).withMaxEpochs(60));
    Model gl = registry.model("gaussian-linear");
    linear = new Npe(gl, registry.estimator("maf"))
        .train(Simulations.run(gl, 3000, 2), TrainingConfig.defaults(2).withMaxEpochs(60));
  }

  @AfterAll
  void close() {
    moons.close();
    linear.close();
  }

  @Test
  void samplesLieInThePriorSupportAndReportTheAcceptanceRate() {
    PosteriorSamples s = moons.sample(2000, MOONS_XO, 1);
    assertThat(s.samples().rows()).isEqualTo(2000);
    assertThat(Arrays.stream(s.samples().data()).allMatch(v -> v >= -1 && v <= 1)).isTrue();
    assertThat(s.proposed()).isGreaterThanOrEqualTo(2000);
    assertThat(s.acceptanceRate()).isBetween(0.0, 1.0).isCloseTo(moons.acceptanceRate(MOONS_XO), Offset.offset(0.05));
  }

  @Test
  void sameSeedSameSamplesAndBatchedSamplingMatchesOneByOne() {
    assertThat(moons.sample(100, MOONS_XO, 9).samples()).isEqualTo(moons.sample(100, MOONS_XO, 9).samples());
    Batch xs = Batch.of(MOONS_XO, new double[] {0.1, -0.2});
    List<PosteriorSamples> batched = moons.sample(50, xs, 4);
    assertThat(batched).hasSize(2);
    assertThat(batched.get(1).samples()).isEqualTo(moons.sample(50, xs.row(1), 4 + 0x9e3779b97f4a7c15L).samples());
  }

  /** A stand-in estimator whose mass lies almost entirely outside the prior box [-1, 1]. */
  static final class OutsideEstimator implements org.jsbi.api.estimator.ConditionalDensityEstimator {
    @Override
    public String kind() {
      return "outside";
    }

    @Override
    public int inputDim() {
      return 1;
    }

    @Override
    public int conditionDim() {
      return 1;
    }

    @Override
    public double[] logProb(Batch input, Batch condition) {
      return new double[input.rows()];
    }

    @Override
    public Batch sample(int n, double[] condition, java.util.random.RandomGenerator rng) {
      Batch b = Batch.zeros(n, 1);
      for (int i = 0; i < n; i++) {
        b.set(i, 0, 6.0 + rng.nextGaussian()); // P(inside [-1, 1]) = P(z < -5) ≈ 2.9e-7
      }
      return b;
    }

    @Override
    public org.jsbi.api.estimator.EstimatorState state() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void tinyAcceptanceFailsClearlyInsteadOfHanging() {
    Model model = Model.builder("box").prior(org.jsbi.api.Priors.boxUniform(1, -1, 1))
        .simulator(new org.jsbi.api.Simulator() {
          @Override
          public int parameterDim() {
            return 1;
          }

          @Override
          public int dataDim() {
            return 1;
          }

          @Override
          public double[] simulate(double[] theta, java.util.random.RandomGenerator rng) {
            return theta.clone();
          }
        }).build();
    NpePosterior posterior = new NpePosterior(model, new OutsideEstimator(),
        new TrainingRecord(0, 0, 0, TrainingConfig.defaults(0)), ThetaSpace.ORIGINAL, SamplingLimits.defaults());
    assertThatThrownBy(() -> posterior.sample(1000, new double[] {0}, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("posterior sampling stopped: acceptance rate")
        .hasMessageContaining("inside the prior's support")
        .hasMessageContaining("xObserved [0.0]");
  }

  @Test
  void logProbIsCorrectedForLeakageSoItIntegratesToOneOverThePrior() {
    int m = 201;
    double h = 2.0 / (m - 1);
    Batch grid = Batch.zeros(m * m, 2);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        grid.set(i * m + j, 0, -1 + i * h);
        grid.set(i * m + j, 1, -1 + j * h);
      }
    }
    double integral = Arrays.stream(moons.logProb(grid, MOONS_XO)).map(Math::exp).sum() * h * h;
    assertThat(integral).isCloseTo(1.0, Offset.offset(0.05));
    assertThat(moons.logProb(Batch.of(new double[] {1.5, 0}), MOONS_XO)[0]).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void mapIsNearTheAnalyticPosteriorMode() {
    // gaussian-linear: the posterior is N(0.5·x_o, 0.05·I), so its mode is 0.5·x_o (posterior sd 0.22).
    double[] xo = {0.3, -0.2, 0.1, 0, 0.5, -0.4, 0.2, 0.1, -0.1, 0.3};
    double[] map = linear.map(xo, 1);
    for (int j = 0; j < xo.length; j++) {
      assertThat(map[j]).as("MAP dim %d", j).isCloseTo(0.5 * xo[j], Offset.offset(0.12));
    }
  }

  @Test
  void badObservationsAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> moons.sample(10, new double[] {0.1}, 1))
        .hasMessageContaining("xObserved: expected length 2, got 1");
    assertThatThrownBy(() -> moons.sample(10, new double[] {0.1, Double.NaN}, 1))
        .hasMessageContaining("xObserved[1]: expected a finite number, got NaN");
    assertThatThrownBy(() -> moons.sample(0, MOONS_XO, 1)).hasMessageContaining("n: expected a positive integer");
  }
}
