package org.jsbi.api.toolkit;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.jsbi.api.MathRandomAdapter;

/**
 * The common noise models of simulators, each drawn from the generator the simulator is given (through Commons
 * Math's distributions), so that a simulation is reproducible from its seed. A parameter outside a model's domain
 * throws Commons Math's exception, which the simulation runner records as an invalid simulation with its message.
 *
 * <pre>{@code
 * public double[] simulate(double[] theta, RandomGenerator rng) {
 *   double rate = theta[0];
 *   return new double[] {Noise.poisson(rng, rate * exposure), Noise.logNormal(rng, Math.log(theta[1]), 0.1)};
 * }
 * }</pre>
 */
public final class Noise {
  private Noise() {}

  /** N(mean, sd²). */
  public static double normal(RandomGenerator rng, double mean, double sd) {
    if (!(sd > 0) || !Double.isFinite(mean) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("normal: expected a finite mean and a positive sd, got " + mean + " and "
          + sd);
    }
    return mean + sd * rng.nextGaussian();
  }

  /** A count with the given mean (> 0). */
  public static double poisson(RandomGenerator rng, double mean) {
    return new PoissonDistribution(MathRandomAdapter.of(rng), mean, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
  }

  /** Successes in {@code trials} independent trials of success probability {@code p}. */
  public static double binomial(RandomGenerator rng, int trials, double p) {
    return new BinomialDistribution(MathRandomAdapter.of(rng), trials, p).sample();
  }

  /**
   * An over-dispersed count: negative binomial with the given mean and dispersion r (> 0), so that the variance is
   * mean + mean² / r; as r grows it approaches the Poisson.
   */
  public static double negativeBinomial(RandomGenerator rng, double mean, int dispersion) {
    if (!(mean > 0)) {
      throw new IllegalArgumentException("negativeBinomial: expected a positive mean, got " + mean);
    }
    // Commons Math's Pascal(r, p) counts failures before the r-th success, with mean r(1 − p)/p
    return new PascalDistribution(MathRandomAdapter.of(rng), dispersion, dispersion / (dispersion + mean)).sample();
  }

  /** A positive value whose logarithm is N(logMean, logSd²). */
  public static double logNormal(RandomGenerator rng, double logMean, double logSd) {
    return new LogNormalDistribution(MathRandomAdapter.of(rng), logMean, logSd,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).sample();
  }

  /** Gamma with the given shape and scale (mean shape·scale). */
  public static double gamma(RandomGenerator rng, double shape, double scale) {
    return new GammaDistribution(MathRandomAdapter.of(rng), shape, scale,
        GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).sample();
  }

  /** Beta(a, b), a value in (0, 1). */
  public static double beta(RandomGenerator rng, double a, double b) {
    return new BetaDistribution(MathRandomAdapter.of(rng), a, b, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
        .sample();
  }

  /** Heavy-tailed noise: location + scale · t with {@code df} degrees of freedom. */
  public static double studentT(RandomGenerator rng, double location, double scale, double df) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("studentT: expected a positive scale, got " + scale);
    }
    return location + scale * new TDistribution(MathRandomAdapter.of(rng), df,
        TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).sample();
  }

  /** An exponential waiting time with the given rate (> 0). */
  public static double exponential(RandomGenerator rng, double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("exponential: expected a positive, finite rate, got " + rate);
    }
    return -Math.log(1 - rng.nextDouble()) / rate;
  }
}
