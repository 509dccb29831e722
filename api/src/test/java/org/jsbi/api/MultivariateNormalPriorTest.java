package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MultivariateNormalPriorTest extends PriorContract {
  static final double[] MEAN = {1, -2, 0.5};
  static final double[][] COV = {{2, 0.6, 0}, {0.6, 1, -0.3}, {0, -0.3, 0.5}};

  @Override
  Prior prior() {
    return Priors.normalWithCovariance(MEAN, COV);
  }

  @Override
  double[] trueMean() {
    return MEAN;
  }

  @Override
  double[] trueVariance() {
    return new double[] {2, 1, 0.5};
  }

  @Test
  void logDensityAgreesWithCommonsMath() {
    MultivariateNormalDistribution reference = new MultivariateNormalDistribution(MEAN, COV);
    double[] theta = {0.2, -1.1, 1.3};
    assertThat(prior().logDensity(theta)).isCloseTo(Math.log(reference.density(theta)), Offset.offset(1e-10));
  }

  @Test
  void precisionFormIsTheSameDistribution() {
    double[][] precision = MatrixUtils.inverse(MatrixUtils.createRealMatrix(COV)).getData();
    Prior byPrecision = Priors.normalWithPrecision(MEAN, precision);
    double[] theta = {0.7, -3, 0.1};
    assertThat(byPrecision.logDensity(theta)).isCloseTo(prior().logDensity(theta), Offset.offset(1e-10));
    double[][] cov = ((MultivariateNormalPrior) byPrecision).covariance();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(cov[i][j]).isCloseTo(COV[i][j], Offset.offset(1e-10));
      }
    }
  }

  @Test
  void sampleCovarianceMatchesIncludingOffDiagonal() {
    Batch s = prior().sample(N, new RandomStreams(5).single(RandomStreams.Purpose.PRIOR));
    double[] a = s.column(0);
    double[] b = s.column(1);
    double ma = java.util.Arrays.stream(a).average().orElseThrow();
    double mb = java.util.Arrays.stream(b).average().orElseThrow();
    double c = 0;
    for (int i = 0; i < N; i++) {
      c += (a[i] - ma) * (b[i] - mb);
    }
    assertThat(c / (N - 1)).isCloseTo(0.6, Offset.offset(0.04));
  }

  @Test
  void nonPositiveDefiniteMatrixIsRejected() {
    assertThatThrownBy(() -> Priors.normalWithCovariance(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covariance: expected a symmetric positive-definite matrix");
  }
}
