package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

/** The narrow logistic-growth task: its simulator against the closed form, and its grid posterior by SBC. */
@org.junit.jupiter.api.Tag("slow") // 200 grid posteriors: not in the fast subset (docs/development.md)
class LogisticGrowthTest {
  @Test
  void simulationsFollowTheOdesSolutionWithLogNormalNoise() {
    LogisticGrowth model = new LogisticGrowth();
    RandomGenerator rng = new RandomStreams(1).single(RandomStreams.Purpose.SIMULATOR);
    double[] logRatios = new double[4000];
    for (int i = 0; i < 200; i++) {
      double[] x = model.simulate(new double[] {0.8, 100}, rng);
      for (int d = 0; d < LogisticGrowth.DAYS; d++) {
        logRatios[i * LogisticGrowth.DAYS + d] = Math.log(x[d] / LogisticGrowth.size(0.8, 100, d + 1));
      }
    }
    double mean = Arrays.stream(logRatios).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(logRatios).map(v -> (v - mean) * (v - mean)).sum() / 3999);
    // 4,000 log-ratios: the mean's standard error is NOISE / 63, the sd's about NOISE / 89
    assertThat(mean).isBetween(-0.1 * LogisticGrowth.NOISE, 0.1 * LogisticGrowth.NOISE);
    assertThat(sd).isBetween(0.96 * LogisticGrowth.NOISE, 1.04 * LogisticGrowth.NOISE);
    // the closed form solves y' = r y (1 - y/K) from y(0) = 1: check the ODE by a central difference
    double h = 1e-5;
    double t = 3.7;
    double y = LogisticGrowth.size(0.8, 100, t);
    double slope = (LogisticGrowth.size(0.8, 100, t + h) - LogisticGrowth.size(0.8, 100, t - h)) / (2 * h);
    assertThat(slope).isCloseTo(0.8 * y * (1 - y / 100), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(LogisticGrowth.size(0.8, 100, 0)).isEqualTo(1.0);
  }

  /**
   * Simulation-based calibration of the grid posterior: for θ from the prior and x from the simulator, θ's rank
   * among the posterior's draws is uniform exactly when the posterior is right. 200 replications, 99 draws each;
   * the ranks' KS test against uniform must not reject, and the posterior must be narrow (the point of the task).
   */
  @Test
  void theGridPosteriorIsCalibrated() {
    LogisticGrowth model = new LogisticGrowth();
    LogisticGrowth.Posterior posterior = new LogisticGrowth.Posterior();
    RandomStreams streams = new RandomStreams(2);
    int replications = 200;
    double[][] ranks = new double[2][replications];
    double[] width = new double[2];
    for (int k = 0; k < replications; k++) {
      RandomGenerator rng = streams.stream(k, RandomStreams.Purpose.SAMPLER);
      double[] theta = {LogisticGrowth.LOWER[0] + rng.nextDouble() * (LogisticGrowth.UPPER[0] - LogisticGrowth.LOWER[0]),
          LogisticGrowth.LOWER[1] + rng.nextDouble() * (LogisticGrowth.UPPER[1] - LogisticGrowth.LOWER[1])};
      Batch draws = posterior.sample(99, model.simulate(theta, rng), rng);
      for (int i = 0; i < 2; i++) {
        double[] column = draws.column(i);
        final int j = i;
        // rank in 0..99, jittered within its unit so that the KS test sees a continuous uniform on [0, 100)
        ranks[i][k] = Arrays.stream(column).filter(v -> v < theta[j]).count() + rng.nextDouble();
        double m = Arrays.stream(column).average().orElseThrow();
        width[i] += Math.sqrt(Arrays.stream(column).map(v -> (v - m) * (v - m)).sum() / 98) / replications;
      }
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int i = 0; i < 2; i++) {
      assertThat(ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 100), ranks[i]))
          .as("KS p-value of the ranks of parameter %d", i + 1).isGreaterThan(1e-3);
    }
    // posterior standard deviations, on average, under 2% of the prior's span
    assertThat(width[0]).isLessThan(0.02 * 1.3);
    assertThat(width[1]).isLessThan(0.02 * 180);
    System.out.printf("logistic-growth: mean posterior sd r %.4f, K %.3f%n", width[0], width[1]);
  }
}
