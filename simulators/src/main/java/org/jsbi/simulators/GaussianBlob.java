package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;
import org.jsbi.api.toolkit.Noise;

/**
 * An image: a Gaussian blob of width 2 pixels and peak 20 counts over a background of 1 count, at position
 * θ = (x, y) in a 16 × 16 detector, seen with Poisson noise; pixel (row i, column j) covers [j, j + 1] × [i, i + 1]
 * and its expected count is taken at its centre. The likelihood is exact, so {@link Posterior} draws the exact
 * posterior under the uniform prior on [2, 14]² by a zooming grid ({@link GridPosterior}).
 */
public final class GaussianBlob implements Simulator {
  static final int SIZE = 16;
  static final double WIDTH = 2;
  static final double PEAK = 20;
  static final double BACKGROUND = 1;
  static final double[] LOWER = {2, 2};
  static final double[] UPPER = {14, 14};

  @Override
  public int parameterDim() {
    return 2;
  }

  @Override
  public int dataDim() {
    return SIZE * SIZE;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double[] rate = rates(theta[0], theta[1]);
    double[] x = new double[rate.length];
    for (int p = 0; p < rate.length; p++) {
      x[p] = Noise.poisson(rng, rate[p]);
    }
    return x;
  }

  /** Each pixel's expected count, row by row. */
  static double[] rates(double x, double y) {
    double[] gx = new double[SIZE];
    double[] gy = new double[SIZE];
    for (int k = 0; k < SIZE; k++) {
      gx[k] = Math.exp(-(k + 0.5 - x) * (k + 0.5 - x) / (2 * WIDTH * WIDTH));
      gy[k] = Math.exp(-(k + 0.5 - y) * (k + 0.5 - y) / (2 * WIDTH * WIDTH));
    }
    double[] rate = new double[SIZE * SIZE];
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j < SIZE; j++) {
        rate[i * SIZE + j] = BACKGROUND + PEAK * gy[i] * gx[j];
      }
    }
    return rate;
  }

  /** log p(counts | θ) up to a constant in θ: Σ x log λ − λ. */
  static double logLikelihood(double x, double y, double[] counts) {
    double[] rate = rates(x, y);
    double lp = 0;
    for (int p = 0; p < rate.length; p++) {
      lp += counts[p] * Math.log(rate[p]) - rate[p];
    }
    return lp;
  }

  /** The exact posterior under the uniform prior on [2, 14]², by a zooming grid. */
  static final class Posterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, SIZE * SIZE);
      return GridPosterior.sample(n, LOWER, UPPER, t -> logLikelihood(t[0], t[1], xObserved), rng);
    }
  }
}
