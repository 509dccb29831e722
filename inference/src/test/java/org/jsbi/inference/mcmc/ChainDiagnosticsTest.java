package org.jsbi.inference.mcmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.assertj.core.data.Percentage;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

class ChainDiagnosticsTest {
  private static double[][] ar1(double rho, int chains, int n, double[] offsets, long seed) {
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
    double[][] out = new double[chains][n];
    double sd = Math.sqrt(1 - rho * rho);
    for (int c = 0; c < chains; c++) {
      double v = rng.nextGaussian();
      for (int t = 0; t < n; t++) {
        v = rho * v + sd * rng.nextGaussian();
        out[c][t] = v + offsets[c];
      }
    }
    return out;
  }

  @Test
  void independentDrawsHaveAnEssNearTheirNumberAndRHatNearOne() {
    double[][] chains = ar1(0, 4, 2000, new double[4], 1);
    assertThat(ChainDiagnostics.ess(chains)).isCloseTo(8000, Percentage.withPercentage(10));
    assertThat(ChainDiagnostics.rHat(chains)).isBetween(0.99, 1.01);
  }

  /** An AR(1) chain with correlation ρ has integrated autocorrelation time (1 + ρ) / (1 − ρ). */
  @Test
  void autocorrelatedDrawsHaveTheTheoreticalEss() {
    double[][] chains = ar1(0.9, 4, 20_000, new double[4], 2);
    assertThat(ChainDiagnostics.ess(chains)).isCloseTo(80_000 * 0.1 / 1.9, Percentage.withPercentage(15));
  }

  @Test
  void chainsAroundDifferentMeansGiveALargeRHat() {
    double[][] chains = ar1(0.5, 4, 500, new double[] {0, 0, 0, 1}, 3);
    assertThat(ChainDiagnostics.rHat(chains)).isGreaterThan(1.1);
  }
}
