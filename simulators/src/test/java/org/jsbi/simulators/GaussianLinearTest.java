package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class GaussianLinearTest extends SimulatorContract {
  @Override
  String modelId() {
    return "gaussian-linear";
  }

  @Test
  void eachDimensionIsNormalAroundThetaWithVariancePointOne() {
    double[] theta = {0.3, -0.2, 0.1, 0, 0.5, -0.5, 0.05, 0.2, -0.1, 0.4};
    Batch x = Draws.at(new GaussianLinear(), theta, 5000, 1);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int j = 0; j < 10; j++) {
      NormalDistribution expected = new NormalDistribution(theta[j], Math.sqrt(0.1));
      assertThat(ks.kolmogorovSmirnovTest(expected, x.column(j))).as("KS p-value, dim %d", j).isGreaterThan(1e-4);
    }
  }

  @Test
  void priorHasVariancePointOne() {
    assertThat(Draws.variance(model().prior().sample(20_000, new org.jsbi.api.RandomStreams(1)
        .single(org.jsbi.api.RandomStreams.Purpose.PRIOR)).column(3))).isBetween(0.095, 0.105);
  }
}
