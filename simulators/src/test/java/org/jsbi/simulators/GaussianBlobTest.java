package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

/** The Gaussian-blob image: its counts' mean, and its exact grid posterior by simulation-based calibration. */
@org.junit.jupiter.api.Tag("slow") // 50 grid posteriors: not in the fast subset (docs/development.md)
class GaussianBlobTest {
  @Test
  void countsAverageTheRatesAndPeakAtTheBlob() {
    GaussianBlob blob = new GaussianBlob();
    RandomGenerator rng = new RandomStreams(1).single(RandomStreams.Purpose.SIMULATOR);
    double[] mean = new double[256];
    for (int r = 0; r < 400; r++) {
      double[] x = blob.simulate(new double[] {5.5, 9.5}, rng);
      for (int p = 0; p < 256; p++) {
        mean[p] += x[p] / 400;
      }
    }
    double[] rate = GaussianBlob.rates(5.5, 9.5);
    for (int p = 0; p < 256; p++) {
      // 400 Poisson counts: the mean's sd is at most √21 / 20 ≈ 0.23
      assertThat(mean[p]).as("pixel %d", p).isCloseTo(rate[p], org.assertj.core.data.Offset.offset(1.0));
    }
    assertThat(rate[9 * 16 + 5]).isEqualTo(GaussianBlob.BACKGROUND + GaussianBlob.PEAK); // row 9, column 5
  }

  /** θ's rank among 99 draws of the grid posterior is uniform when the posterior is right (50 replications). */
  @Test
  void theGridPosteriorIsCalibrated() {
    GaussianBlob blob = new GaussianBlob();
    GaussianBlob.Posterior posterior = new GaussianBlob.Posterior();
    RandomStreams streams = new RandomStreams(2);
    int replications = 50;
    double[][] ranks = new double[2][replications];
    for (int k = 0; k < replications; k++) {
      RandomGenerator rng = streams.stream(k, RandomStreams.Purpose.SAMPLER);
      double[] theta = {2 + 12 * rng.nextDouble(), 2 + 12 * rng.nextDouble()};
      Batch draws = posterior.sample(99, blob.simulate(theta, rng), rng);
      for (int i = 0; i < 2; i++) {
        final int j = i;
        ranks[i][k] = Arrays.stream(draws.column(i)).filter(v -> v < theta[j]).count() + rng.nextDouble();
      }
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int i = 0; i < 2; i++) {
      double p = ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 100), ranks[i]);
      System.out.printf("gaussian-blob grid posterior: SBC KS p-value of parameter %d: %.3f%n", i + 1, p);
      assertThat(p).as("KS p-value of the ranks of parameter %d", i + 1).isGreaterThan(1e-3);
    }
  }
}
