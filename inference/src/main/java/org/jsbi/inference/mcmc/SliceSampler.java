package org.jsbi.inference.mcmc;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;

/**
 * Coordinate-wise slice sampling (Neal 2003) with stepping out and shrinkage, vectorized: all chains step out and
 * shrink in lockstep, and every round evaluates the target for all chains still working in one batched call (for
 * NLE, one TensorFlow call). Widths start from the spread of the starting points and, during warm-up, follow twice
 * the across-chain standard deviation of each coordinate.
 */
final class SliceSampler extends ChainSampler {
  private static final int MAX_STEP_OUT = 20;
  private static final int MAX_SHRINK = 100;
  private final double[] width;

  SliceSampler(LogDensity target, Batch init, RandomGenerator rng) {
    super(target, init, rng);
    width = new double[dim];
    Arrays.fill(width, 1.0);
    adaptWidths();
  }

  @Override
  String name() {
    return "slice sampler";
  }

  @Override
  void sweep(boolean warmup) {
    for (int i = 0; i < dim; i++) {
      step(i);
    }
    if (warmup) {
      adaptWidths();
    }
  }

  private void adaptWidths() {
    if (chains < 2) {
      return;
    }
    for (int i = 0; i < dim; i++) {
      double m = 0;
      for (double[] row : x) {
        m += row[i] / chains;
      }
      double v = 0;
      for (double[] row : x) {
        v += (row[i] - m) * (row[i] - m) / (chains - 1);
      }
      if (v > 0) {
        width[i] = Math.max(1e-6, 2 * Math.sqrt(v));
      }
    }
  }

  /** One slice update of coordinate i for every chain. */
  private void step(int i) {
    double[] logY = new double[chains];
    double[] left = new double[chains];
    double[] right = new double[chains];
    for (int c = 0; c < chains; c++) {
      logY[c] = lp[c] + Math.log(rng.nextDouble()); // log of a uniform height under the density
      left[c] = x[c][i] - width[i] * rng.nextDouble();
      right[c] = left[c] + width[i];
    }
    stepOut(i, logY, left, right);
    boolean[] done = new boolean[chains];
    int remaining = chains;
    for (int round = 0; round < MAX_SHRINK && remaining > 0; round++) {
      int[] active = activeChains(done, remaining);
      double[][] points = new double[active.length][];
      double[] proposal = new double[active.length];
      for (int a = 0; a < active.length; a++) {
        int c = active[a];
        proposal[a] = left[c] + rng.nextDouble() * (right[c] - left[c]);
        points[a] = x[c].clone();
        points[a][i] = proposal[a];
      }
      double[] values = evaluate(points);
      for (int a = 0; a < active.length; a++) {
        int c = active[a];
        if (values[a] > logY[c]) {
          x[c][i] = proposal[a];
          lp[c] = values[a];
          done[c] = true;
          remaining--;
        } else if (proposal[a] < x[c][i]) {
          left[c] = proposal[a];
        } else {
          right[c] = proposal[a];
        }
      }
    }
  }

  /**
   * Moves each chain's interval ends outwards by whole widths until they leave the slice. Both ends of every chain
   * still stepping out are evaluated in one batched call per round: the intervals of stepping out one end after
   * the other, in about half the calls.
   */
  private void stepOut(int i, double[] logY, double[] left, double[] right) {
    boolean[] leftDone = new boolean[chains];
    boolean[] rightDone = new boolean[chains];
    int remaining = 2 * chains;
    for (int round = 0; round < MAX_STEP_OUT && remaining > 0; round++) {
      int[] active = new int[remaining];
      int k = 0;
      for (int c = 0; c < chains; c++) {
        if (!leftDone[c]) {
          active[k++] = c;
        }
        if (!rightDone[c]) {
          active[k++] = -c - 1; // the right end of chain c
        }
      }
      double[][] points = new double[remaining][];
      for (int a = 0; a < remaining; a++) {
        int c = active[a] >= 0 ? active[a] : -active[a] - 1;
        points[a] = x[c].clone();
        points[a][i] = active[a] >= 0 ? left[c] : right[c];
      }
      double[] values = evaluate(points);
      for (int a = 0; a < values.length; a++) {
        boolean isLeft = active[a] >= 0;
        int c = isLeft ? active[a] : -active[a] - 1;
        if (values[a] > logY[c]) {
          if (isLeft) {
            left[c] -= width[i];
          } else {
            right[c] += width[i];
          }
        } else {
          if (isLeft) {
            leftDone[c] = true;
          } else {
            rightDone[c] = true;
          }
          remaining--;
        }
      }
    }
  }

  private static int[] activeChains(boolean[] done, int remaining) {
    int[] out = new int[remaining];
    int k = 0;
    for (int c = 0; c < done.length; c++) {
      if (!done[c]) {
        out[k++] = c;
      }
    }
    return out;
  }
}
