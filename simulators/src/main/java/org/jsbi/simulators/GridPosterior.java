package org.jsbi.simulators;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;

/**
 * The exact posterior of a two-parameter model under a uniform prior on a box, drawn from a grid: the log
 * likelihood on a 200 × 200 grid over the box, then three times on a grid over the box of the cells within e⁻²⁵ of
 * the largest (one cell added on each side), so that the last grid's cells are far narrower than the posterior;
 * draws pick a cell in proportion to its density and a point uniformly in it.
 */
final class GridPosterior {
  private static final int GRID = 200;
  private static final int ZOOMS = 3;
  private static final double WITHIN = 25;

  private GridPosterior() {}

  /** {@code n} draws of the posterior on [lower, upper] whose log likelihood is {@code logLikelihood}. */
  static Batch sample(int n, double[] lower, double[] upper, ToDoubleFunction<double[]> logLikelihood,
      RandomGenerator rng) {
    double[] lo = lower.clone();
    double[] hi = upper.clone();
    double[] logP = grid(lo, hi, logLikelihood);
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
        lo[i] = Math.max(lower[i], newLo[i]);
        hi[i] = Math.min(upper[i], newHi[i]);
      }
      logP = grid(lo, hi, logLikelihood);
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

  /** The log likelihood at the centres of a GRID × GRID grid over [lo, hi], row a = θ₁'s cell, column b = θ₂'s. */
  private static double[] grid(double[] lo, double[] hi, ToDoubleFunction<double[]> logLikelihood) {
    double[] logP = new double[GRID * GRID];
    for (int a = 0; a < GRID; a++) {
      double t1 = lo[0] + (a + 0.5) * (hi[0] - lo[0]) / GRID;
      for (int b = 0; b < GRID; b++) {
        logP[a * GRID + b] = logLikelihood.applyAsDouble(new double[] {t1, lo[1] + (b + 0.5) * (hi[1] - lo[1]) / GRID});
      }
    }
    return logP;
  }
}
