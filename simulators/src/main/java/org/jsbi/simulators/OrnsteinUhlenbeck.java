package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * An Ornstein–Uhlenbeck process dx = −κ x dt + σ dW, started in its stationary distribution N(0, σ² / (2κ)) and
 * seen exactly at t = 0, 1, …, 99: a time series with a tractable likelihood. θ = (κ, σ): the mean reversion and
 * the noise scale. Seen at unit steps it is the AR(1) process x_t = φ x_{t−1} + s ε_t with φ = e^{−κ} and
 * s² = σ² (1 − e^{−2κ}) / (2κ), so the likelihood is exact, and {@link Posterior} draws the exact posterior under
 * the uniform prior by a zooming grid ({@link GridPosterior}).
 */
public final class OrnsteinUhlenbeck implements Simulator {
  static final int STEPS = 100;
  static final double[] LOWER = {0.1, 0.5};
  static final double[] UPPER = {1.5, 2.0};

  @Override
  public int parameterDim() {
    return 2;
  }

  @Override
  public int dataDim() {
    return STEPS;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double kappa = theta[0];
    double sigma = theta[1];
    if (!(kappa > 0 && sigma > 0)) {
      throw new IllegalArgumentException("theta: expected κ > 0 and σ > 0, got " + kappa + " and " + sigma);
    }
    double phi = Math.exp(-kappa);
    double s = sigma * Math.sqrt((1 - phi * phi) / (2 * kappa));
    double[] x = new double[STEPS];
    x[0] = sigma / Math.sqrt(2 * kappa) * rng.nextGaussian();
    for (int t = 1; t < STEPS; t++) {
      x[t] = phi * x[t - 1] + s * rng.nextGaussian();
    }
    return x;
  }

  /** log p(x | κ, σ): the stationary start, then one Gaussian step at a time. */
  static double logLikelihood(double kappa, double sigma, double[] x) {
    double phi = Math.exp(-kappa);
    double v0 = sigma * sigma / (2 * kappa);
    double v = v0 * (1 - phi * phi);
    double lp = -0.5 * (Math.log(2 * Math.PI * v0) + x[0] * x[0] / v0);
    double sum = 0;
    for (int t = 1; t < x.length; t++) {
      double e = x[t] - phi * x[t - 1];
      sum += e * e;
    }
    return lp - 0.5 * ((x.length - 1) * Math.log(2 * Math.PI * v) + sum / v);
  }

  /** The exact posterior under the uniform prior on [0.1, 1.5] × [0.5, 2], by a zooming grid. */
  static final class Posterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, STEPS);
      return GridPosterior.sample(n, LOWER, UPPER, t -> logLikelihood(t[0], t[1], xObserved), rng);
    }
  }
}
