package org.jsbi.api;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * A product of independent Commons Math univariate distributions, one per parameter. Sampling uses the caller's
 * generator (never the distribution's own), through Commons Math's samplers for gamma and beta and by inverse
 * CDF for any other distribution.
 */
public final class IndependentPrior implements Prior {
  private final RealDistribution[] marginals;

  IndependentPrior(RealDistribution[] marginals) {
    Arguments.positive("marginals.length", marginals.length);
    for (int i = 0; i < marginals.length; i++) {
      if (marginals[i] == null) {
        throw new IllegalArgumentException("marginals[" + i + "]: expected a distribution, got null");
      }
    }
    this.marginals = marginals.clone();
  }

  @Override
  public int dim() {
    return marginals.length;
  }

  @Override
  public double lowerBound(int i) {
    return marginals[i].getSupportLowerBound();
  }

  @Override
  public double upperBound(int i) {
    return marginals[i].getSupportUpperBound();
  }

  @Override
  public double[] sample(RandomGenerator rng) {
    double[] theta = new double[marginals.length];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = sampleOne(marginals[i], rng);
    }
    return theta;
  }

  private static double sampleOne(RealDistribution d, RandomGenerator rng) {
    if (d instanceof NormalDistribution n) {
      return n.getMean() + n.getStandardDeviation() * rng.nextGaussian();
    }
    if (d instanceof LogNormalDistribution ln) {
      return Math.exp(ln.getScale() + ln.getShape() * rng.nextGaussian());
    }
    if (d instanceof UniformRealDistribution u) {
      double lo = u.getSupportLowerBound();
      return lo + (u.getSupportUpperBound() - lo) * rng.nextDouble();
    }
    if (d instanceof GammaDistribution g) {
      return new GammaDistribution(new MathRandomAdapter(rng), g.getShape(), g.getScale()).sample();
    }
    if (d instanceof BetaDistribution b) {
      return new BetaDistribution(new MathRandomAdapter(rng), b.getAlpha(), b.getBeta()).sample();
    }
    return d.inverseCumulativeProbability(rng.nextDouble());
  }

  @Override
  public double logDensity(double[] theta) {
    Arguments.length("theta", theta, marginals.length);
    double sum = 0;
    for (int i = 0; i < theta.length; i++) {
      if (!inSupport(marginals[i], theta[i])) {
        return Double.NEGATIVE_INFINITY;
      }
      sum += marginals[i] instanceof AbstractRealDistribution a
          ? a.logDensity(theta[i])
          : Math.log(marginals[i].density(theta[i]));
    }
    return sum;
  }

  @Override
  public boolean inSupport(double[] theta) {
    Arguments.length("theta", theta, marginals.length);
    for (int i = 0; i < theta.length; i++) {
      if (!inSupport(marginals[i], theta[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean inSupport(RealDistribution d, double v) {
    return v >= d.getSupportLowerBound() && v <= d.getSupportUpperBound() && d.density(v) > 0;
  }

  @Override
  public String describe() {
    return Arrays.stream(marginals)
        .map(IndependentPrior::describe)
        .collect(Collectors.joining(" x ", "Independent(", ")"));
  }

  private static String describe(RealDistribution d) {
    if (d instanceof NormalDistribution n) {
      return "Normal(" + n.getMean() + ", std " + n.getStandardDeviation() + ")";
    }
    if (d instanceof LogNormalDistribution ln) {
      return "LogNormal(" + ln.getScale() + ", " + ln.getShape() + ")";
    }
    if (d instanceof UniformRealDistribution u) {
      return "Uniform(" + u.getSupportLowerBound() + ", " + u.getSupportUpperBound() + ")";
    }
    if (d instanceof GammaDistribution g) {
      return "Gamma(shape " + g.getShape() + ", scale " + g.getScale() + ")";
    }
    if (d instanceof BetaDistribution b) {
      return "Beta(" + b.getAlpha() + ", " + b.getBeta() + ")";
    }
    return d.getClass().getSimpleName();
  }
}
