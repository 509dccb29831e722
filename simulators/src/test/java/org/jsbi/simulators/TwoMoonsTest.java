package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class TwoMoonsTest extends SimulatorContract {
  @Override
  String modelId() {
    return "two-moons";
  }

  /**
   * Undoing the shift (0.25 − |θ0 + θ1|/√2, (−θ0 + θ1)/√2) must leave a point at radius r ~ N(0.1, 0.01²) and angle
   * a ~ U(−π/2, π/2): the exact geometry of the task.
   */
  @Test
  void outputIsACrescentOfTheSpecifiedRadiusAndAngleAroundTheShift() {
    double[] theta = {0.4, -0.7};
    Batch x = Draws.at(new TwoMoons(), theta, 5000, 2);
    double sx = 0.25 - Math.abs(theta[0] + theta[1]) / Math.sqrt(2);
    double sy = (-theta[0] + theta[1]) / Math.sqrt(2);
    double[] radius = new double[x.rows()];
    double[] angle = new double[x.rows()];
    for (int i = 0; i < x.rows(); i++) {
      double px = x.get(i, 0) - sx;
      double py = x.get(i, 1) - sy;
      radius[i] = Math.hypot(px, py);
      angle[i] = Math.atan2(py, px);
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0.1, 0.01), radius)).isGreaterThan(1e-3);
    assertThat(ks.kolmogorovSmirnovTest(new UniformRealDistribution(-Math.PI / 2, Math.PI / 2), angle))
        .isGreaterThan(1e-3);
  }

  @Test
  void thetaAndItsMirrorAcrossTheSumGiveTheSameDistribution() {
    // |θ0 + θ1| makes (θ0, θ1) and (−θ1, −θ0) indistinguishable: the source of the two crescents.
    Batch a = Draws.at(new TwoMoons(), new double[] {0.3, 0.5}, 50, 4);
    Batch b = Draws.at(new TwoMoons(), new double[] {-0.5, -0.3}, 50, 4);
    for (int i = 0; i < 50; i++) {
      assertThat(b.get(i, 0)).isCloseTo(a.get(i, 0), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(b.get(i, 1)).isCloseTo(a.get(i, 1), org.assertj.core.data.Offset.offset(1e-12));
    }
  }
}
