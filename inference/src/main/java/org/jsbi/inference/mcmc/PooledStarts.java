package org.jsbi.inference.mcmc;

import org.jsbi.api.Batch;
import org.jsbi.api.Prior;

/**
 * Starting points from one pool of prior draws, scored in one batched call: sampling-importance-resampling with the
 * likelihood as weight, tempered (w^β, the largest β ≤ 1 whose weights' effective sample size is at least a
 * quarter of the chains) and resampled systematically. Untempered, a sharp likelihood puts nearly all the weight on
 * a handful of pool points, which may lie in only some of the modes (seen on slcp at 10⁵ simulations); tempered,
 * the starts spread over every region the pool found, and the sampler's moves (with {@link ModeJumps}, between
 * modes too) bring the shares to the posterior's.
 */
final class PooledStarts {
  private PooledStarts() {}

  static Batch draw(Prior prior, LogDensity logLikelihood, int chains, int poolSize,
      java.util.random.RandomGenerator rng) {
    Batch pool = prior.sample(poolSize, rng);
    double[] logW = logLikelihood.evaluate(pool);
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < logW.length; k++) {
      logW[k] = Double.isNaN(logW[k]) ? Double.NEGATIVE_INFINITY : logW[k];
      max = Math.max(max, logW[k]);
    }
    if (!(max > Double.NEGATIVE_INFINITY)) {
      throw new IllegalStateException("MCMC: the likelihood is zero (or NaN) at all " + poolSize + " prior draws "
          + "used to start the chains; check that the observation can come from this model");
    }
    double beta = temperature(logW, max, Math.max(1.0, chains / 4.0));
    double[] cumulative = new double[logW.length];
    double total = 0;
    for (int k = 0; k < logW.length; k++) {
      total += Math.exp(beta * (logW[k] - max));
      cumulative[k] = total;
    }
    int[] picked = new int[chains];
    double u = rng.nextDouble();
    int k = 0;
    for (int c = 0; c < chains; c++) { // systematic resampling: one uniform, evenly spaced positions
      double position = (c + u) / chains * total;
      while (k < cumulative.length - 1 && cumulative[k] < position) {
        k++;
      }
      picked[c] = k;
    }
    return pool.selectRows(picked);
  }

  /** The largest β in [0, 1] whose weights exp(β (logW − max)) have an effective sample size of at least {@code ess}. */
  static double temperature(double[] logW, double max, double ess) {
    if (effectiveSize(logW, max, 1) >= ess) {
      return 1;
    }
    double low = 0;
    double high = 1;
    for (int i = 0; i < 40; i++) {
      double mid = (low + high) / 2;
      if (effectiveSize(logW, max, mid) >= ess) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static double effectiveSize(double[] logW, double max, double beta) {
    double sum = 0;
    double squares = 0;
    for (double l : logW) {
      double w = Math.exp(beta * (l - max));
      sum += w;
      squares += w * w;
    }
    return sum * sum / squares;
  }
}
