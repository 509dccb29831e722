package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class PredictiveBandsTest {
  @Test
  void quantilesPerDimensionAtTheFiveLevels() {
    Batch sims = Batch.zeros(101, 2);
    for (int r = 0; r <= 100; r++) {
      sims.set(r, 0, 100 - r); // 0..100, in reverse order
      sims.set(r, 1, 10 * r);
    }
    PredictiveBands b = PredictiveBands.of(sims, null);
    assertThat(b.prior()).isNull();
    assertThat(new double[] {b.posterior()[0][0], b.posterior()[1][0], b.posterior()[2][0], b.posterior()[3][0],
        b.posterior()[4][0]}).containsExactly(5, 25, 50, 75, 95);
    assertThat(b.posterior()[2][1]).isEqualTo(500);
    assertThat(PredictiveBands.of(sims, sims).prior()[4][1]).isEqualTo(950);
  }
}
