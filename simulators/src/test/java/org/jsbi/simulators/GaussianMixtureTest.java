package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest extends SimulatorContract {
  @Override
  String modelId() {
    return "gaussian-mixture";
  }

  /** The marginal of x − θ in one dimension: 0.5·N(0, 1) + 0.5·N(0, 0.1²). */
  static final class Marginal extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final NormalDistribution wide = new NormalDistribution(0, 1);
    private final NormalDistribution narrow = new NormalDistribution(0, 0.1);

    Marginal() {
      super(null);
    }

    @Override
    public double density(double x) {
      return 0.5 * wide.density(x) + 0.5 * narrow.density(x);
    }

    @Override
    public double cumulativeProbability(double x) {
      return 0.5 * wide.cumulativeProbability(x) + 0.5 * narrow.cumulativeProbability(x);
    }

    @Override
    public double getNumericalMean() {
      return 0;
    }

    @Override
    public double getNumericalVariance() {
      return 0.5 * (1 + 0.01);
    }

    @Override
    public double getSupportLowerBound() {
      return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double getSupportUpperBound() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
      return false;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
      return false;
    }

    @Override
    public boolean isSupportConnected() {
      return true;
    }
  }

  @Test
  void eachDimensionFollowsTheMixtureAndBothShareOneComponent() {
    double[] theta = {2, -3};
    Batch x = Draws.at(new GaussianMixture(), theta, 20_000, 3);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double[][] d = new double[2][x.rows()];
    for (int i = 0; i < x.rows(); i++) {
      d[0][i] = x.get(i, 0) - theta[0];
      d[1][i] = x.get(i, 1) - theta[1];
    }
    assertThat(ks.kolmogorovSmirnovTest(new Marginal(), d[0])).isGreaterThan(1e-3);
    assertThat(ks.kolmogorovSmirnovTest(new Marginal(), d[1])).isGreaterThan(1e-3);
    // One component per simulation: both |d| < 0.3 with probability 0.5·p_n² + 0.5·p_w², not (0.5 p_n + 0.5 p_w)².
    double pn = 2 * new NormalDistribution(0, 0.1).cumulativeProbability(0.3) - 1;
    double pw = 2 * new NormalDistribution(0, 1).cumulativeProbability(0.3) - 1;
    double expected = 0.5 * pn * pn + 0.5 * pw * pw;
    long both = java.util.stream.IntStream.range(0, x.rows())
        .filter(i -> Math.abs(d[0][i]) < 0.3 && Math.abs(d[1][i]) < 0.3).count();
    assertThat(both / (double) x.rows()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.015));
  }
}
