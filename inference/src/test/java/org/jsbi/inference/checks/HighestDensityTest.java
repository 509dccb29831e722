package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HighestDensityTest {
  @Test
  void aNormalsRegionIsOneIntervalNearPlusMinus1645() {
    for (int seed = 0; seed < 40; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      double[] draws = new double[10_000];
      for (int i = 0; i < draws.length; i++) {
        draws[i] = 2 + 3 * gaussian(rng);
      }
      List<double[]> hpd = HighestDensity.intervals(draws, 0.9);
      assertThat(hpd).as("seed " + seed).hasSize(1);
      // the exact 90% HPD interval is 2 ± 3·1.645; whole bins (about 0.38 wide here, taken until they hold 90%) and
      // sampling move each end by up to about one and a half bins, a fifth of a standard deviation
      assertThat(hpd.get(0)[0]).as("seed " + seed).isCloseTo(2 - 3 * 1.645, within(0.6));
      assertThat(hpd.get(0)[1]).as("seed " + seed).isCloseTo(2 + 3 * 1.645, within(0.6));
    }
  }

  @Test
  void twoSeparatedModesSplitTheRegion() {
    for (int seed = 0; seed < 20; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      double[] draws = new double[10_000];
      for (int i = 0; i < draws.length; i++) {
        draws[i] = (rng.nextDouble() < 0.7 ? 3 : -3) + 0.5 * gaussian(rng);
      }
      List<double[]> hpd = HighestDensity.intervals(draws, 0.9);
      assertThat(hpd).as("seed " + seed).hasSize(2);
      assertThat(hpd.get(0)[0]).isLessThan(-3).isGreaterThan(-4.5);
      assertThat(hpd.get(0)[1]).isGreaterThan(-3).isLessThan(-1.5);
      assertThat(hpd.get(1)[0]).isLessThan(3).isGreaterThan(1.5);
      assertThat(hpd.get(1)[1]).isGreaterThan(3).isLessThan(4.5);
    }
  }

  @Test
  void aBadMassIsRefusedByName() {
    assertThatThrownBy(() -> HighestDensity.intervals(new double[] {1, 2}, 1.0))
        .hasMessage("mass: expected a share between 0 and 1, got 1.0");
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
