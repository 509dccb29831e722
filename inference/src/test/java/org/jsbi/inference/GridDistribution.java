package org.jsbi.inference;

import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * A 1-D distribution given by density values on an even grid, with a piecewise-linear CDF: lets a KS test compare
 * an estimator's samples with the estimator's own density.
 */
final class GridDistribution extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final double lo;
  private final double step;
  private final double[] cdf;

  GridDistribution(double lo, double step, double[] density) {
    super(null);
    this.lo = lo;
    this.step = step;
    this.cdf = new double[density.length];
    for (int i = 1; i < density.length; i++) {
      cdf[i] = cdf[i - 1] + 0.5 * (density[i - 1] + density[i]) * step;
    }
    double total = cdf[cdf.length - 1];
    for (int i = 0; i < cdf.length; i++) {
      cdf[i] /= total;
    }
  }

  @Override
  public double cumulativeProbability(double x) {
    double pos = (x - lo) / step;
    if (pos <= 0) {
      return 0;
    }
    if (pos >= cdf.length - 1) {
      return 1;
    }
    int i = (int) pos;
    return cdf[i] + (pos - i) * (cdf[i + 1] - cdf[i]);
  }

  @Override
  public double density(double x) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double getNumericalMean() {
    return Double.NaN;
  }

  @Override
  public double getNumericalVariance() {
    return Double.NaN;
  }

  @Override
  public double getSupportLowerBound() {
    return lo;
  }

  @Override
  public double getSupportUpperBound() {
    return lo + step * (cdf.length - 1);
  }

  @Override
  public boolean isSupportLowerBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportUpperBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}
