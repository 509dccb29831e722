package org.jsbi.simulators;

import java.util.Arrays;
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

  /**
   * The exact posterior under the uniform prior, drawn from a grid: the log posterior on a 200 × 200 grid over the
   * prior box, then three times on a grid over the box of the cells within e⁻²⁵ of the largest (one cell added on
   * each side), so that the last grid's cells are under a tenth of a posterior standard deviation wide; draws pick
   * a cell in proportion to its density and a point uniformly in it.
   */
  static final class Posterior implements ReferencePosterior {
    private static final int GRID = 200;
    private static final int ZOOMS = 3;
    private static final double WITHIN = 25;

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
      double[] lo = LOWER.clone();
      double[] hi = UPPER.clone();
      double[] logP = grid(lo, hi, logX);
      for (int z = 0; z < ZOOMS; z++) {
        double max = Arrays.stream(logP).max().orElseThrow();
        double[] w = {(hi[0] - lo[0]) / GRID, (hi[1] - lo[1]) / GRID};
        double[] newLo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] newHi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int a = 0; a < GRID; a++) {
          for (int b = 0; b < GRID; b++) {
            if (logP[a * GRID + b] > max - WITHIN) {
              newLo[0] = Math.min(newLo[0], lo[0] + (a - 1) * w[0]);
              newHi[0] = Math.max(newHi[0], lo[0] + (a + 2) * w[0]);
              newLo[1] = Math.min(newLo[1], lo[1] + (b - 1) * w[1]);
              newHi[1] = Math.max(newHi[1], lo[1] + (b + 2) * w[1]);
            }
          }
        }
        for (int i = 0; i < 2; i++) {
          lo[i] = Math.max(LOWER[i], newLo[i]);
          hi[i] = Math.min(UPPER[i], newHi[i]);
        }
        logP = grid(lo, hi, logX);
      }
      double max = Arrays.stream(logP).max().orElseThrow();
      double[] cumulative = new double[logP.length];
      double total = 0;
      for (int c = 0; c < logP.length; c++) {
        total += Math.exp(logP[c] - max);
        cumulative[c] = total;
      }
      Batch out = Batch.zeros(n, 2);
      for (int i = 0; i < n; i++) {
        int c = Arrays.binarySearch(cumulative, rng.nextDouble() * total);
        c = Math.min(c >= 0 ? c : -c - 1, logP.length - 1);
        out.set(i, 0, lo[0] + (c / GRID + rng.nextDouble()) * (hi[0] - lo[0]) / GRID);
        out.set(i, 1, lo[1] + (c % GRID + rng.nextDouble()) * (hi[1] - lo[1]) / GRID);
      }
      return out;
    }

    /** The log posterior at the centres of a GRID × GRID grid over [lo, hi], row a = r's cell, column b = K's. */
    private static double[] grid(double[] lo, double[] hi, double[] logX) {
      double[] logP = new double[GRID * GRID];
      for (int a = 0; a < GRID; a++) {
        double r = lo[0] + (a + 0.5) * (hi[0] - lo[0]) / GRID;
        for (int b = 0; b < GRID; b++) {
          logP[a * GRID + b] = logLikelihood(r, lo[1] + (b + 0.5) * (hi[1] - lo[1]) / GRID, logX);
        }
      }
      return logP;
    }
  }
}
