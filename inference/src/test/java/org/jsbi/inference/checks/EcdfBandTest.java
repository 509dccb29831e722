package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EcdfBandTest {
  /** Fresh uniform samples (not those the band was fitted on) stay inside it everywhere about 95% of the time. */
  @Test
  void aUniformSampleStaysInsideTheBandWithTheAskedProbability() {
    int n = 100;
    double[][] band = EcdfBand.of(n, 0.05, 1000, 1);
    SplittableRandom rng = new SplittableRandom(99);
    int inside = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = rng.nextDouble();
      }
      Arrays.sort(u);
      boolean ok = true;
      int below = 0;
      for (int g = 0; g < band[0].length && ok; g++) {
        while (below < n && u[below] <= band[0][g]) {
          below++;
        }
        double ecdf = below / (double) n;
        ok = ecdf >= band[1][g] && ecdf <= band[2][g];
      }
      inside += ok ? 1 : 0;
    }
    // 2,000 trials: a rate of 0.95 has a standard error of 0.005; the simulated γ adds about as much again
    assertThat(inside / (double) trials).isBetween(0.93, 0.97);
  }

  /** The simultaneous band is wider than the pointwise 95% interval at the middle. */
  @Test
  void theBandIsWiderThanAPointwiseInterval() {
    double[][] band = EcdfBand.of(100, 0.05, 1000, 1);
    int mid = band[0].length / 2;
    assertThat(band[0][mid]).isEqualTo(0.5);
    assertThat(band[2][mid] - band[1][mid]).isGreaterThan(2 * 1.96 * Math.sqrt(0.25 / 100));
  }
}
