package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * Logistic growth y′ = r·y·(1 − y/K) from y(0) = 1, observed on days 1 to 20 with 1% log-normal noise: an ODE model
 * whose posterior is narrow compared with its prior (the prior spans r 0.2–1.5 and K 20–200; the posterior's
 * standard deviations are, on average, 0.15% and 0.33% of those spans), the case where amortized estimators and
 * MCMC chains struggle. The ODE has the closed form y(t) = K / (1 + (K − 1)·e^(−r·t)), so the likelihood is exact, and
 * {@link Posterior} draws the reference by a zooming grid.
 */
public final class LogisticGrowth implements Simulator {
  static final int DAYS = 20;
  static final double NOISE = 0.01;
  static final double[] LOWER = {0.2, 20};
  static final double[] UPPER = {1.5, 200};

  @Override
  public int parameterDim() {
    return 2;
  }

  @Override
  public int dataDim() {
    return DAYS;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double[] x = new double[DAYS];
    for (int d = 0; d < DAYS; d++) {
      x[d] = size(theta[0], theta[1], d + 1) * Math.exp(NOISE * rng.nextGaussian());
    }
    return x;
  }

  static double size(double r, double k, double t) {
    return k / (1 + (k - 1) * Math.exp(-r * t));
  }

  /** log p(x | θ) up to a constant that does not depend on θ. */
  static double logLikelihood(double r, double k, double[] logX) {
    double s = 0;
    for (int d = 0; d < DAYS; d++) {
      double z = (logX[d] - Math.log(size(r, k, d + 1))) / NOISE;
      s -= 0.5 * z * z;
    }
    return s;
  }

  /** The exact posterior under the uniform prior, drawn from a zooming grid ({@link GridPosterior}). */
  static final class Posterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, DAYS);
      double[] logX = new double[DAYS];
      for (int d = 0; d < DAYS; d++) {
        if (!(xObserved[d] > 0)) {
          throw new IllegalArgumentException("xObserved: expected positive sizes, got " + xObserved[d] + " on day "
              + (d + 1));
        }
        logX[d] = Math.log(xObserved[d]);
      }
      return GridPosterior.sample(n, LOWER, UPPER, t -> logLikelihood(t[0], t[1], logX), rng);
    }
  }
}
