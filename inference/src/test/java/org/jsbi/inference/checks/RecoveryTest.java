package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class RecoveryTest {
  /** Draws from N(1, 0.5²) for a truth of 0 under a prior of sd 2: the analytic median, MAD, z and contraction. */
  @Test
  void eachNumberMatchesItsDefinitionOnKnownDraws() {
    SplittableRandom rng = new SplittableRandom(4);
    Batch draws = Batch.zeros(100_000, 1);
    for (int r = 0; r < draws.rows(); r++) {
      double u = rng.nextDouble();
      double v = rng.nextDouble();
      draws.set(r, 0, 1 + 0.5 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
    }
    Recovery.Builder b = new Recovery.Builder(1, 1, new double[] {2});
    b.add(0, new double[] {0}, draws);
    Recovery r = b.build();
    assertThat(r.tests()).isEqualTo(1);
    assertThat(r.truth()[0][0]).isEqualTo(0);
    assertThat(r.median()[0][0]).isCloseTo(1, within(0.01));
    assertThat(r.mad()[0][0]).as("MAD of a normal is 0.6745 sd").isCloseTo(0.6745 * 0.5, within(0.01));
    assertThat(r.zScore()[0][0]).isCloseTo(2, within(0.03));
    assertThat(r.contraction()[0][0]).as("1 − 0.25 / 4").isCloseTo(0.9375, within(0.002));
  }
}
