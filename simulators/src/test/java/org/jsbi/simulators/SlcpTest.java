package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class SlcpTest extends SimulatorContract {
  @Override
  String modelId() {
    return "slcp";
  }

  @Test
  void fourDrawsFollowTheSpecifiedBivariateNormal() {
    double[] theta = {0.7, -1.5, -1.2, 0.9, 0.6};
    Batch x = Draws.at(new Slcp(), theta, 20_000, 6);
    double s1 = 1.44; // θ2²
    double s2 = 0.81; // θ3²
    double rho = Math.tanh(0.6);
    for (int j = 0; j < 4; j++) {
      double[] a = x.column(2 * j);
      double[] b = x.column(2 * j + 1);
      assertThat(Draws.mean(a)).as("mean of draw %d, first coordinate", j).isCloseTo(0.7, Offset.offset(0.04));
      assertThat(Draws.mean(b)).as("mean of draw %d, second coordinate", j).isCloseTo(-1.5, Offset.offset(0.03));
      assertThat(Draws.variance(a)).isCloseTo(s1 * s1, Offset.offset(0.08));
      assertThat(Draws.variance(b)).isCloseTo(s2 * s2, Offset.offset(0.03));
      double ma = Draws.mean(a);
      double mb = Draws.mean(b);
      double cov = 0;
      for (int i = 0; i < a.length; i++) {
        cov += (a[i] - ma) * (b[i] - mb);
      }
      assertThat(cov / (a.length - 1)).isCloseTo(rho * s1 * s2, Offset.offset(0.03));
    }
    // The four draws are independent of each other.
    double[] first = x.column(0);
    double[] second = x.column(2);
    double m0 = Draws.mean(first);
    double m1 = Draws.mean(second);
    double c = 0;
    for (int i = 0; i < first.length; i++) {
      c += (first[i] - m0) * (second[i] - m1);
    }
    assertThat(c / (first.length - 1) / (s1 * s1)).isCloseTo(0, Offset.offset(0.04));
  }

  /** The closed-form likelihood is the product of the four draws' bivariate normal densities (Commons Math's). */
  @Test
  void logLikelihoodIsTheProductOfFourBivariateNormals() {
    double[] theta = {0.7, -1.5, -1.2, 0.9, 0.6};
    double[] x = {0.1, -2.0, 1.3, -1.1, 0.7, -1.5, -0.4, -1.9};
    double s1 = 1.44;
    double s2 = 0.81;
    double c01 = Math.tanh(0.6) * s1 * s2;
    var normal = new org.apache.commons.math3.distribution.MultivariateNormalDistribution(new double[] {0.7, -1.5},
        new double[][] {{s1 * s1 + Slcp.JITTER, c01}, {c01, s2 * s2 + Slcp.JITTER}});
    double expected = 0;
    for (int j = 0; j < 4; j++) {
      expected += Math.log(normal.density(new double[] {x[2 * j], x[2 * j + 1]}));
    }
    assertThat(Slcp.logLikelihood(theta, x)).isCloseTo(expected, Offset.offset(1e-9));
    // θ2 and θ3 enter only squared
    assertThat(Slcp.logLikelihood(new double[] {0.7, -1.5, 1.2, -0.9, 0.6}, x)).isEqualTo(Slcp.logLikelihood(theta, x));
  }
}
