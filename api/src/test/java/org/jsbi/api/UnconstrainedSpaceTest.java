package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * θ ↔ y for a prior's bounding box: logit where bounded on both sides, log on one side, identity on none; the
 * round trip is exact to rounding and log |dθ/dy| matches a finite difference of the inverse map.
 */
class UnconstrainedSpaceTest {
  private final Prior prior = new IndependentPriorLike();

  /** Bounded on both sides, below only, above only, and not at all. */
  private static final class IndependentPriorLike implements Prior {
    private final double[] lo = {-1, 2, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private final double[] hi = {3, Double.POSITIVE_INFINITY, 5, Double.POSITIVE_INFINITY};

    @Override
    public int dim() {
      return 4;
    }

    @Override
    public double lowerBound(int i) {
      return lo[i];
    }

    @Override
    public double upperBound(int i) {
      return hi[i];
    }

    @Override
    public double[] sample(java.util.random.RandomGenerator rng) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double logDensity(double[] theta) {
      return 0;
    }

    @Override
    public boolean inSupport(double[] theta) {
      return true;
    }

    @Override
    public String describe() {
      return "test";
    }
  }

  @Test
  void theRoundTripIsTheIdentityAndTheJacobianMatchesAFiniteDifference() {
    UnconstrainedSpace space = prior.unconstrainedSpace();
    double[] theta = {2.5, 2.01, 4.9, -7};
    assertThat(space.inInterior(theta)).isTrue();
    double[] y = space.toUnconstrained(theta);
    assertThat(y[3]).isEqualTo(-7);
    Batch back = space.toConstrained(Batch.wrap(1, 4, y.clone()));
    for (int i = 0; i < 4; i++) {
      assertThat(back.get(0, i)).isCloseTo(theta[i], within(1e-12));
    }
    double h = 1e-6;
    double logDet = 0;
    for (int i = 0; i < 4; i++) {
      double[] up = y.clone();
      double[] down = y.clone();
      up[i] += h;
      down[i] -= h;
      double d = (space.toConstrained(Batch.wrap(1, 4, up)).get(0, i)
          - space.toConstrained(Batch.wrap(1, 4, down)).get(0, i)) / (2 * h);
      logDet += Math.log(Math.abs(d));
    }
    assertThat(space.logAbsDetJacobian(y)).isCloseTo(logDet, within(1e-6));
    assertThat(space.lower()).containsExactly(-1, 2, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(space.inInterior(new double[] {3, 2.5, 0, 0})).as("on the upper bound").isFalse();
  }

  @Test
  void farOutInYTheJacobianStaysFinite() {
    UnconstrainedSpace space = Priors.boxUniform(1, 0, 1).unconstrainedSpace();
    assertThat(space.logAbsDetJacobian(new double[] {800})).isFinite().isCloseTo(-800, within(1e-9));
  }
}
