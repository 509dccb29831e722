package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

class DistractorsTest extends SimulatorContract {
  @Override
  String modelId() {
    return "gaussian-linear-distractors";
  }

  @Test
  void theFirstTenValuesAreGaussianLinearsAndTheRestStudentT() {
    double[] theta = {0.3, -0.2, 0.1, 0, 0.5, -0.5, 0.05, 0.2, -0.1, 0.4};
    Batch x = Draws.at(new Distractors(90), theta, 5000, 2);
    assertThat(x.cols()).isEqualTo(100);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int j = 0; j < 10; j++) {
      assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(theta[j], Math.sqrt(0.1)), x.column(j)))
          .as("KS p-value, dim %d", j).isGreaterThan(1e-4);
    }
    for (int j = 10; j < 100; j += 9) {
      assertThat(ks.kolmogorovSmirnovTest(new TDistribution(2), x.column(j))).as("KS p-value, dim %d", j)
          .isGreaterThan(1e-4);
    }
  }

  @Test
  void thePosteriorIgnoresTheDistractors() {
    double[] xo = new double[100];
    xo[0] = 0.4;
    double[] noisy = xo.clone();
    noisy[50] = 1e6;
    Batch a = new Distractors.Posterior().sample(50, xo, new RandomStreams(1).single(RandomStreams.Purpose.SAMPLER));
    Batch b = new Distractors.Posterior().sample(50, noisy, new RandomStreams(1).single(
        RandomStreams.Purpose.SAMPLER));
    assertThat(a).isEqualTo(b);
    assertThat(Draws.mean(new Distractors.Posterior().sample(20_000, xo, new RandomStreams(2).single(
        RandomStreams.Purpose.SAMPLER)).column(0))).isBetween(0.19, 0.21); // N(0.5·x, 0.05)
  }
}
