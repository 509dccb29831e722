package org.jsbi.inference.npe;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Prior;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplingLimits;
import org.jsbi.api.simulation.ProgressListener;

/**
 * NPE samples for many observations at once: each round proposes, for every observation still short of its
 * samples, as many draws as its own acceptance so far suggests, all in one batched call of q. Observation k draws
 * only from its own stream (seeded by the seed and k) and sizes its rounds from its own history, so its samples do
 * not depend on which other observations share the batch, up to float32 rounding (TensorFlow may sum in another
 * order at another batch size: 7e-8 at most on two-moons, BatchedSamplingTest). Each call of q goes in pieces of
 * {@value #PIECE} rows, the estimator's own chunk, so that progress can be reported between them at no change to
 * the draws.
 */
final class BatchedSampling {
  /** The golden-ratio step between observations' seeds, as {@code Posterior.sample(n, Batch, seed)} uses. */
  static final long SEED_STEP = 0x9e3779b97f4a7c15L;
  private static final int MAX_ROWS_PER_CALL = 1 << 18;
  /** Rows per call of q: DensityEstimator's chunk, so the calls are those it would make itself. */
  static final int PIECE = 8192;

  private BatchedSampling() {}

  static List<PosteriorSamples> sample(ConditionalDensityEstimator q, Prior prior, int n, Batch xo, long seed,
      SamplingLimits limits, ProgressListener progress) {
    long start = System.nanoTime();
    int m = xo.rows();
    int d = prior.dim();
    RandomGenerator[] rngs = new RandomGenerator[m];
    double[][] out = new double[m][];
    int[] accepted = new int[m];
    long[] proposed = new long[m];
    for (int k = 0; k < m; k++) {
      rngs[k] = new RandomStreams(seed + SEED_STEP * k).single(RandomStreams.Purpose.SAMPLER);
      out[k] = new double[n * d];
    }
    List<Integer> open = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      open.add(k);
    }
    long[] shown = {0}; // a round that fell short is followed by a smaller one: never report less than before
    ProgressListener rising = (done, total) -> {
      if (done > shown[0]) {
        shown[0] = done;
        progress.progress(done, total);
      }
    };
    while (!open.isEmpty()) {
      // one round: a proposal count per open observation from its own acceptance so far, in calls of bounded size
      int[] counts = new int[m];
      for (int k : open) {
        double rate = proposed[k] == 0 ? 1.0 : Math.max(accepted[k] / (double) proposed[k], 0.01);
        counts[k] = (int) Math.min(MAX_ROWS_PER_CALL, Math.ceil((n - accepted[k]) * 1.1 / rate) + 8);
      }
      int from = 0;
      while (from < open.size()) {
        int to = from;
        long rows = 0;
        while (to < open.size() && (to == from || rows + counts[open.get(to)] <= MAX_ROWS_PER_CALL)) {
          rows += counts[open.get(to++)];
        }
        propose(q, prior, xo, open.subList(from, to), counts, rngs, out, accepted, proposed, n, (int) rows,
            rising);
        from = to;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Integer> still = new ArrayList<>();
      for (int k : open) {
        if (accepted[k] < n) {
          NpePosterior.checkLimits(accepted[k], proposed[k], n, seconds, limits, xo.row(k));
          still.add(k);
        }
      }
      open = still;
    }
    double share = (System.nanoTime() - start) / 1e9 / m;
    List<PosteriorSamples> result = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      result.add(new PosteriorSamples(Batch.wrap(n, d, out[k]), proposed[k], share));
    }
    return result;
  }

  private static void propose(ConditionalDensityEstimator q, Prior prior, Batch xo, List<Integer> group,
      int[] counts, RandomGenerator[] rngs, double[][] out, int[] accepted, long[] proposed, int n, int rows,
      ProgressListener progress) {
    Batch condition = Batch.zeros(rows, xo.cols());
    RandomGenerator[] streams = new RandomGenerator[rows];
    int r = 0;
    for (int k : group) {
      double[] x = xo.row(k);
      for (int i = 0; i < counts[k]; i++, r++) {
        condition.setRow(r, x);
        streams[r] = rngs[k];
      }
    }
    int d = prior.dim();
    Batch draws = Batch.zeros(rows, d);
    long wanted = (long) n * xo.rows();
    long before = 0;
    for (int a : accepted) {
      before += a;
    }
    // each observation's rows draw from its own stream in order, so pieces taken in order draw what one call would
    for (int p = 0; p < rows; p += PIECE) {
      int size = Math.min(PIECE, rows - p);
      int[] idx = new int[size];
      for (int i = 0; i < size; i++) {
        idx[i] = p + i;
      }
      Batch piece = q.sampleEach(condition.selectRows(idx), java.util.Arrays.copyOfRange(streams, p, p + size));
      for (int i = 0; i < size; i++) {
        draws.setRow(p + i, piece.row(i));
      }
      // rows drawn so far, as a share of this call, credited towards the draws still wanted
      progress.progress(Math.min(wanted, before + (long) ((wanted - before) * (double) (p + size) / rows)), wanted);
    }
    r = 0;
    for (int k : group) {
      for (int i = 0; i < counts[k]; i++, r++) {
        if (accepted[k] >= n) {
          continue; // draws past the n-th acceptance are not counted, so the rate stays unbiased
        }
        proposed[k]++;
        double[] theta = draws.row(r);
        if (prior.inSupport(theta)) {
          System.arraycopy(theta, 0, out[k], accepted[k] * d, d);
          accepted[k]++;
        }
      }
    }
  }
}
