package org.jsbi.api;

import java.util.Arrays;
import org.apache.commons.math3.distribution.RealDistribution;

/** Ready-made priors. */
public final class Priors {
  private Priors() {}

  /** The uniform distribution on [low, high]^dim. */
  public static BoxUniformPrior boxUniform(int dim, double low, double high) {
    Arguments.positive("dim", dim);
    double[] lower = new double[dim];
    double[] upper = new double[dim];
    Arrays.fill(lower, low);
    Arrays.fill(upper, high);
    return new BoxUniformPrior(lower, upper);
  }

  /** The uniform distribution on the box [lower, upper]. */
  public static BoxUniformPrior boxUniform(double[] lower, double[] upper) {
    return new BoxUniformPrior(lower, upper);
  }

  /**
   * Independent parameters, each with its own Commons Math distribution (for example {@code NormalDistribution},
   * {@code LogNormalDistribution}, {@code GammaDistribution}, {@code BetaDistribution},
   * {@code UniformRealDistribution}).
   */
  public static IndependentPrior independent(RealDistribution... marginals) {
    return new IndependentPrior(marginals);
  }

  /** N(mean, covariance). */
  public static MultivariateNormalPrior normalWithCovariance(double[] mean, double[][] covariance) {
    return MultivariateNormalPrior.ofCovariance(mean, covariance);
  }

  /** N(mean, precision⁻¹). */
  public static MultivariateNormalPrior normalWithPrecision(double[] mean, double[][] precision) {
    return MultivariateNormalPrior.ofPrecision(mean, precision);
  }

  /** N(mean, variance·I). */
  public static MultivariateNormalPrior isotropicNormal(int dim, double mean, double variance) {
    Arguments.positive("dim", dim);
    Arguments.positive("variance", variance);
    double[] m = new double[dim];
    Arrays.fill(m, mean);
    double[][] cov = new double[dim][dim];
    for (int i = 0; i < dim; i++) {
      cov[i][i] = variance;
    }
    return MultivariateNormalPrior.ofCovariance(m, cov);
  }
}
