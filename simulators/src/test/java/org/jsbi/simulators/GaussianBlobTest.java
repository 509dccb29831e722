package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

/** The Gaussian-blob image: its counts' mean, and its exact grid posterior by simulation-based calibration. */
@org.junit.jupiter.api.Tag("slow") // 30 grid posteriors: not in the fast subset (docs/development.md)
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

  /**
   * θ's rank among 99 draws of the grid posterior is uniform when the posterior is right (30 replications: each
   * grid posterior evaluates the 256-pixel likelihood 160,000 times).
   */
  @Test
  void theGridPosteriorIsCalibrated() {
    double[] p = ReferenceSbc.pValues(new GaussianBlob(), new GaussianBlob.Posterior(), GaussianBlob.LOWER,
        GaussianBlob.UPPER, 30, 2);
    for (int i = 0; i < p.length; i++) {
      System.out.printf("gaussian-blob grid posterior: SBC KS p-value of parameter %d: %.3f%n", i + 1, p[i]);
      assertThat(p[i]).as("KS p-value of the ranks of parameter %d", i + 1).isGreaterThan(1e-3);
    }
  }

}
