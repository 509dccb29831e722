package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.toolkit.Trials;
import org.junit.jupiter.api.Test;

class PredictiveBandsTest {
  @Test
  void quantilesPerDimensionAtTheFiveLevels() {
    Batch sims = Batch.zeros(101, 2);
    for (int r = 0; r <= 100; r++) {
      sims.set(r, 0, 100 - r); // 0..100, in reverse order
      sims.set(r, 1, 10 * r);
    }
    PredictiveBands b = PredictiveBands.of(sims, null, sims.row(0));
    assertThat(b.prior()).isNull();
    assertThat(new double[] {b.posterior()[0][0], b.posterior()[1][0], b.posterior()[2][0], b.posterior()[3][0],
        b.posterior()[4][0]}).containsExactly(5, 25, 50, 75, 95);
    assertThat(b.posterior()[2][1]).isEqualTo(500);
    assertThat(PredictiveBands.of(sims, sims, sims.row(0)).prior()[4][1]).isEqualTo(950);
  }

  /** A set's bands are per channel and rank: its trials sorted by value within each channel. */
  @Test
  void aSetsBandsAreThoseOfItsTrialsSortedWithinEachChannel() {
    DataShape shape = DataShape.trials(1, 4, 2);
    double[] xo = Trials.row(shape, new double[][] {{3, -1}, {1, -3}, {2, -2}});
    Batch sims = Batch.zeros(101, shape.columns());
    for (int r = 0; r <= 100; r++) {
      // trials in shuffled order: channel 1 holds r, r + 100, r + 200; channel 2 their negatives
      double[] row = Trials.row(shape, new double[][] {{r + 200, -r - 200}, {r, -r}, {r + 100, -r - 100}});
      for (int j = 0; j < row.length; j++) {
        sims.set(r, j, row[j]);
      }
    }
    PredictiveBands b = PredictiveBands.ofSets(sims, null, xo, shape);
    assertThat(b.trials()).isEqualTo(3);
    assertThat(b.observed()).containsExactly(1, 2, 3, -3, -2, -1);
    assertThat(b.posterior()[2]).containsExactly(50, 150, 250, -250, -150, -50);
    Batch other = Batch.wrap(1, shape.columns(), Trials.row(shape, new double[][] {{0, 0}}));
    assertThatThrownBy(() -> PredictiveBands.ofSets(other, null, xo, shape)).isInstanceOf(IllegalStateException.class)
        .hasMessage("predictive set 1 has 1 trials, not the observation's 3");
  }
}
