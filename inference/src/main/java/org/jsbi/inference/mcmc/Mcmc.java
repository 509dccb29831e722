package org.jsbi.inference.mcmc;

import org.jsbi.api.UnconstrainedSpace;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Prior;

/**
 * Markov chain Monte Carlo for a posterior known up to a constant, log p(θ) + log L(θ): the chains run in the
 * prior's unconstrained space (Jacobian included), start from sampling-importance-resampling from the prior, as
 * sbi's {@code init_strategy="sir"}, and (by default) jump between modes to where other chains are
 * ({@link ModeJumps}).
 *
 * <pre>{@code
 * McmcResult r = Mcmc.sample(Mcmc.Method.SLICE, prior, logLikelihood, 10_000, McmcSettings.defaults(), rng);
 * }</pre>
 */
public final class Mcmc {
  /** The samplers. */
  public enum Method {
    /** Vectorized coordinate-wise slice sampling. */
    SLICE,
    /** Random-walk Metropolis–Hastings with an adaptive proposal. */
    METROPOLIS_HASTINGS
  }

  /** Prior draws per chain from which sampling-importance-resampling picks the starting points. */
  static final int SIR_CANDIDATES_PER_CHAIN = 100;

  private Mcmc() {}

  /** {@code n} draws from p(θ | ·) ∝ p(θ) L(θ), where {@code logLikelihood} gives log L for rows of θ. */
  public static McmcResult sample(Method method, Prior prior, LogDensity logLikelihood, int n, McmcSettings settings,
      RandomGenerator rng) {
    return sample(method, prior, logLikelihood, n, settings, rng, org.jsbi.api.simulation.ProgressListener.NONE);
  }

  /** As above, reporting progress in sweeps (warm-up included). */
  public static McmcResult sample(Method method, Prior prior, LogDensity logLikelihood, int n, McmcSettings settings,
      RandomGenerator rng, org.jsbi.api.simulation.ProgressListener progress) {
    Objects.requireNonNull(method, "method");
    if (n <= 0) {
      throw new IllegalArgumentException("n: expected a positive number of samples, got " + n);
    }
    UnconstrainedSpace space = prior.unconstrainedSpace();
    LogDensity posterior = theta -> {
      double[] lp = logLikelihood.evaluate(theta);
      for (int r = 0; r < lp.length; r++) {
        double[] row = theta.row(r);
        lp[r] = prior.inSupport(row) ? lp[r] + prior.logDensity(row) : Double.NEGATIVE_INFINITY;
        if (Double.isNaN(lp[r])) {
          lp[r] = Double.NEGATIVE_INFINITY;
        }
      }
      return lp;
    };
    Batch start = starts(settings.starts(), prior, logLikelihood, chainsFor(n, settings), rng);
    Batch y = Batch.zeros(start.rows(), start.cols());
    for (int c = 0; c < start.rows(); c++) {
      y.setRow(c, space.toUnconstrained(start.row(c)));
    }
    LogDensity target = LogDensity.inUnconstrained(space, posterior);
    ChainSampler sampler = method == Method.SLICE ? new SliceSampler(target, y, rng)
        : new MetropolisHastings(target, y, rng);
    sampler.withJumps(settings.jumps() == McmcSettings.Jumps.OFF ? null : new ModeJumps(rng, settings.jumps()));
    return sampler.run(n, settings, space, progress);
  }

  /** Kept draws per chain below which fewer chains are run, so that R-hat and ESS remain meaningful. */
  static final int MIN_DRAWS_PER_CHAIN = 20;

  /** The chains used for {@code n} draws: as many as asked, but few enough that each keeps 20 draws. */
  static int chainsFor(int n, McmcSettings settings) {
    return Math.max(1, Math.min(settings.chains(), n / MIN_DRAWS_PER_CHAIN));
  }

  /** One starting point per chain, found as {@code how} says. */
  static Batch starts(McmcSettings.Starts how, Prior prior, LogDensity logLikelihood, int chains,
      RandomGenerator rng) {
    return how == McmcSettings.Starts.POOLED ? PooledStarts.draw(prior, logLikelihood, chains,
        chains * SIR_CANDIDATES_PER_CHAIN, rng) : sirInit(prior, logLikelihood, chains, rng);
  }

  /**
   * One starting point per chain, as sbi's {@code init_strategy="sir"}: each chain draws its own
   * {@value #SIR_CANDIDATES_PER_CHAIN} prior candidates and picks one of them with probability proportional to its
   * likelihood. The chains' starts are independent, so each finds its own mode. (Resampling all chains from one pooled
   * set puts them on the few candidates that dominate it when the likelihood is sharp: on slcp at 10⁵ simulations a
   * handful of points, often in only some of the four modes, which the chains then never leave.)
   */
  static Batch sirInit(Prior prior, LogDensity logLikelihood, int chains, RandomGenerator rng) {
    Batch candidates = prior.sample(chains * SIR_CANDIDATES_PER_CHAIN, rng);
    double[] logW = logLikelihood.evaluate(candidates);
    int[] picked = new int[chains];
    int fallback = -1; // the first chain's start, for chains none of whose candidates has a positive likelihood
    double[] cumulative = new double[SIR_CANDIDATES_PER_CHAIN];
    for (int c = 0; c < chains; c++) {
      int from = c * SIR_CANDIDATES_PER_CHAIN;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < SIR_CANDIDATES_PER_CHAIN; k++) {
        if (logW[from + k] > max) {
          max = logW[from + k];
        }
      }
      if (!(max > Double.NEGATIVE_INFINITY)) {
        picked[c] = -1;
        continue;
      }
      double total = 0;
      for (int k = 0; k < SIR_CANDIDATES_PER_CHAIN; k++) {
        total += Double.isNaN(logW[from + k]) ? 0 : Math.exp(logW[from + k] - max);
        cumulative[k] = total;
      }
      int k = java.util.Arrays.binarySearch(cumulative, rng.nextDouble() * total);
      picked[c] = from + Math.min(k >= 0 ? k : -k - 1, SIR_CANDIDATES_PER_CHAIN - 1);
      fallback = fallback < 0 ? picked[c] : fallback;
    }
    if (fallback < 0) {
      throw new IllegalStateException("MCMC: the likelihood is zero (or NaN) at all " + logW.length + " prior draws "
          + "used to start the chains; check that the observation can come from this model");
    }
    for (int c = 0; c < chains; c++) {
      picked[c] = picked[c] < 0 ? fallback : picked[c];
    }
    return candidates.selectRows(picked);
  }
}
