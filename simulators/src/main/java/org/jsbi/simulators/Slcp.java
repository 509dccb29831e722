package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

/**
 * sbibm's slcp ("simple likelihood, complex posterior", Papamakarios et al. 2019): four i.i.d. draws from a
 * bivariate normal with mean (θ0, θ1), standard deviations θ2², θ3² and correlation tanh(θ4).
 */
public final class Slcp implements Simulator {
  static final int DRAWS = 4;
  static final double JITTER = 1e-6;

  @Override
  public int parameterDim() {
    return 5;
  }

  @Override
  public int dataDim() {
    return 2 * DRAWS;
  }

  /**
   * log p(x | θ), in closed form: the sum of the four draws' bivariate normal log densities. slcp's posterior is hard
   * for samplers, not for this likelihood, so a sampler run on it shows what the sampler does on its own: by symmetry
   * (θ2 and θ3 enter only squared, and the prior is symmetric) the exact posterior puts a quarter of its mass in each
   * sign pattern of θ2 and θ3.
   */
  public static double logLikelihood(double[] theta, double[] x) {
    double[] c = covariance(theta);
    double c00 = c[0];
    double c01 = c[1];
    double c11 = c[2];
    double det = c00 * c11 - c01 * c01;
    double out = 0;
    for (int j = 0; j < DRAWS; j++) {
      double a = x[2 * j] - theta[0];
      double b = x[2 * j + 1] - theta[1];
      double quadratic = (c11 * a * a - 2 * c01 * a * b + c00 * b * b) / det;
      out += -0.5 * quadratic - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
    }
    return out;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double[] c = covariance(theta);
    // Cholesky factor of the 2x2 covariance.
    double l00 = Math.sqrt(c[0]);
    double l10 = c[1] / l00;
    double l11 = Math.sqrt(c[2] - l10 * l10);
    double[] x = new double[2 * DRAWS];
    for (int j = 0; j < DRAWS; j++) {
      double z0 = rng.nextGaussian();
      double z1 = rng.nextGaussian();
      x[2 * j] = theta[0] + l00 * z0;
      x[2 * j + 1] = theta[1] + l10 * z0 + l11 * z1;
    }
    return x;
  }

  /** The draws' 2x2 covariance {c00, c01, c11}: scales θ2², θ3², correlation tanh(θ4), and a jitter on the diagonal. */
  private static double[] covariance(double[] theta) {
    double s1 = theta[2] * theta[2];
    double s2 = theta[3] * theta[3];
    double rho = Math.tanh(theta[4]);
    return new double[] {s1 * s1 + JITTER, rho * s1 * s2, s2 * s2 + JITTER};
  }
}
