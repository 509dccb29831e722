package org.jsbi.api;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** A multivariate normal N(μ, Σ), given by its covariance Σ or its precision P = Σ⁻¹. */
public final class MultivariateNormalPrior implements Prior {
  private final double[] mean;
  private final RealMatrix covarianceFactor; // L with Σ = L Lᵀ
  private final RealMatrix precision;
  private final double logNormalizer;

  private MultivariateNormalPrior(double[] mean, RealMatrix covariance, RealMatrix precision) {
    this.mean = mean.clone();
    this.covarianceFactor = cholesky("covariance", covariance).getL();
    this.precision = precision;
    double logDet = 0;
    for (int i = 0; i < mean.length; i++) {
      logDet += 2 * Math.log(covarianceFactor.getEntry(i, i));
    }
    this.logNormalizer = -0.5 * (mean.length * Math.log(2 * Math.PI) + logDet);
  }

  static MultivariateNormalPrior ofCovariance(double[] mean, double[][] covariance) {
    RealMatrix cov = symmetricMatrix("covariance", mean, covariance);
    RealMatrix precision = cholesky("covariance", cov).getSolver().getInverse();
    return new MultivariateNormalPrior(mean, cov, symmetrize(precision));
  }

  static MultivariateNormalPrior ofPrecision(double[] mean, double[][] precision) {
    RealMatrix p = symmetricMatrix("precision", mean, precision);
    RealMatrix cov = cholesky("precision", p).getSolver().getInverse();
    return new MultivariateNormalPrior(mean, symmetrize(cov), p);
  }

  private static RealMatrix symmetricMatrix(String name, double[] mean, double[][] m) {
    Arguments.positive("mean.length", mean.length);
    Arguments.finiteVector("mean", mean, mean.length);
    if (m.length != mean.length) {
      throw new IllegalArgumentException(
          name + ": expected " + mean.length + " rows to match mean, got " + m.length);
    }
    for (int i = 0; i < m.length; i++) {
      Arguments.finiteVector(name + "[" + i + "]", m[i], mean.length);
    }
    return symmetrize(MatrixUtils.createRealMatrix(m));
  }

  private static RealMatrix symmetrize(RealMatrix m) {
    return m.add(m.transpose()).scalarMultiply(0.5);
  }

  private static CholeskyDecomposition cholesky(String name, RealMatrix m) {
    try {
      return new CholeskyDecomposition(m, 1e-10, 1e-12);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + ": expected a symmetric positive-definite matrix, got one that is not (" + e.getMessage() + ")");
    }
  }

  @Override
  public int dim() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  /** The covariance matrix Σ. */
  public double[][] covariance() {
    return covarianceFactor.multiply(covarianceFactor.transpose()).getData();
  }

  @Override
  public double[] sample(RandomGenerator rng) {
    int d = mean.length;
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = rng.nextGaussian();
    }
    double[] theta = mean.clone();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        theta[i] += covarianceFactor.getEntry(i, j) * z[j];
      }
    }
    return theta;
  }

  @Override
  public double logDensity(double[] theta) {
    Arguments.length("theta", theta, mean.length);
    double[] diff = new double[mean.length];
    for (int i = 0; i < diff.length; i++) {
      diff[i] = theta[i] - mean[i];
    }
    double quad = 0;
    double[] pd = precision.operate(diff);
    for (int i = 0; i < diff.length; i++) {
      quad += diff[i] * pd[i];
    }
    return logNormalizer - 0.5 * quad;
  }

  @Override
  public boolean inSupport(double[] theta) {
    Arguments.length("theta", theta, mean.length);
    return Arrays.stream(theta).allMatch(Double::isFinite);
  }

  @Override
  public String describe() {
    return "MultivariateNormal(dim " + mean.length + ")";
  }
}
