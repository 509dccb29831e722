package org.jsbi.inference.mcmc;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;

/**
 * Coordinate-wise slice sampling (Neal 2003) with stepping out and shrinkage, vectorized: all chains step out and
 * shrink in lockstep, and every round evaluates the target for all chains still working in one batched call (for
 * NLE, one TensorFlow call). Widths start at twice the across-chain standard deviation of the starting points; each
 * warm-up sweep then scales coordinate i's width by 2·Nₑ / (Nₑ + N꜀), pooled over chains, where Nₑ counts the
 * interval ends moved out while stepping out and N꜀ the candidates rejected while shrinking (Karamanis and Beutler
 * 2021, "Ensemble slice sampling"; here with one added to Nₑ and two to the sum, so that the factor is never 0),
 * which aims at as many of the one as of the other: too wide a width is mostly shrunk from, too narrow a one mostly
 * stepped out of. After warm-up the widths stay fixed, so the kept sweeps are those of one fixed slice sampler.
 *
 * <p>A call has a fixed cost, about that of 80 to 140 rows of a flow's likelihood, so when few chains (or interval
 * ends) are left, each is given several candidates in the same call: see {@link #candidates}. This changes how many
 * calls a step takes, not what it draws from.
 */
final class SliceSampler extends ChainSampler {
  private static final int MAX_STEP_OUT = 20;
  private static final int MAX_SHRINK = 100;
  private static final int MAX_CANDIDATES = 16;
  /**
   * The rows up to which a call is filled with extra candidates. LikelihoodBenchmark puts a call of a 2-D flow at
   * about 0.5 ms plus 3.6 µs a row for {@code nsf} and 0.14 ms plus 1.8 µs a row for {@code maf}: extra candidates,
   * most of which go unused, pay while the rows they add cost less than the call they may save. On two-moons NLE
   * with 500 chains, filling calls up to 64 rows instead of up to the first round's size cut the rows evaluated by a
   * quarter for about 50% more calls, and the time by about a fifth (docs/benchmark-history.md).
   */
  private static final int CALL_ROWS = 64;
  private final double[] width;
  /** Per coordinate, in the current sweep: interval ends moved out while stepping out, and candidates rejected. */
  private final long[] expansions;
  private final long[] contractions;

  SliceSampler(LogDensity target, Batch init, RandomGenerator rng) {
    super(target, init, rng);
    width = new double[dim];
    expansions = new long[dim];
    contractions = new long[dim];
    Arrays.fill(width, 1.0);
    initialWidths();
  }

  @Override
  String name() {
    return "slice sampler";
  }

  @Override
  void sweep(boolean warmup) {
    for (int i = 0; i < dim; i++) {
      expansions[i] = 0;
      contractions[i] = 0;
      step(i);
      if (warmup) {
        width[i] *= 2.0 * (expansions[i] + 1) / (expansions[i] + contractions[i] + 2);
      }
    }
  }

  private void initialWidths() {
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
      int[] active = stillWorking(done, remaining);
      int k = candidates(chains, active.length);
      double[][] points = new double[active.length * k][];
      for (int a = 0; a < active.length; a++) {
        int c = active[a];
        for (int j = 0; j < k; j++) {
          points[a * k + j] = x[c].clone();
          points[a * k + j][i] = left[c] + rng.nextDouble() * (right[c] - left[c]);
        }
      }
      double[] values = evaluate(points);
      for (int a = 0; a < active.length; a++) {
        int c = active[a];
        for (int j = 0; j < k; j++) {
          double proposal = points[a * k + j][i];
          if (proposal < left[c] || proposal > right[c]) {
            continue; // outside the interval as the chain's earlier candidates have shrunk it
          }
          if (values[a * k + j] > logY[c]) {
            x[c][i] = proposal;
            lp[c] = values[a * k + j];
            done[c] = true;
            remaining--;
            break;
          }
          contractions[i]++;
          if (proposal < x[c][i]) {
            left[c] = proposal;
          } else {
            right[c] = proposal;
          }
        }
      }
    }
  }

  /**
   * Moves each chain's interval ends outwards by whole widths until they leave the slice. Both ends of every chain
   * still stepping out are evaluated in one batched call per round: the intervals of stepping out one end after
   * the other, in about half the calls. When few ends are left, each is evaluated several widths ahead in the same
   * call ({@link #candidates}).
   */
  private void stepOut(int i, double[] logY, double[] left, double[] right) {
    int ends = 2 * chains; // end 2c is chain c's left end, 2c + 1 its right
    boolean[] done = new boolean[ends];
    int[] evaluated = new int[ends];
    int remaining = ends;
    while (remaining > 0) {
      int[] active = stillWorking(done, remaining);
      int k = candidates(ends, active.length);
      int[] first = new int[active.length + 1];
      for (int a = 0; a < active.length; a++) {
        first[a + 1] = first[a] + Math.min(k, MAX_STEP_OUT - evaluated[active[a]]);
      }
      double[][] points = new double[first[active.length]][];
      for (int a = 0; a < active.length; a++) {
        int c = active[a] / 2;
        boolean isLeft = active[a] % 2 == 0;
        for (int j = first[a]; j < first[a + 1]; j++) {
          points[j] = x[c].clone();
          points[j][i] = isLeft ? left[c] - (j - first[a]) * width[i] : right[c] + (j - first[a]) * width[i];
        }
      }
      double[] values = evaluate(points);
      for (int a = 0; a < active.length; a++) {
        int e = active[a];
        int c = e / 2;
        for (int j = first[a]; j < first[a + 1] && !done[e]; j++) {
          evaluated[e]++;
          if (values[j] > logY[c]) {
            expansions[i]++;
            if (e % 2 == 0) {
              left[c] -= width[i];
            } else {
              right[c] += width[i];
            }
          }
          if (!(values[j] > logY[c]) || evaluated[e] == MAX_STEP_OUT) {
            done[e] = true;
            remaining--;
          }
        }
      }
    }
  }

  /**
   * Candidates per chain (or interval end) in a round where {@code active} of {@code all} are still working: as
   * many as keep the call within {@link #CALL_ROWS} rows and no larger than the first round's, at least one and at
   * most {@link #MAX_CANDIDATES}. Shrinking takes the
   * candidates in order, skipping those that earlier ones have shrunk the interval past; each one taken is then
   * uniform on the current interval, as when drawn alone, so the chain's moves are those of one candidate per round.
   * Stepping out stops at the first candidate outside the slice, giving the same interval as one width per round.
   */
  private static int candidates(int all, int active) {
    return Math.max(1, Math.min(MAX_CANDIDATES, Math.min(all, CALL_ROWS) / active));
  }

  private static int[] stillWorking(boolean[] done, int remaining) {
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
