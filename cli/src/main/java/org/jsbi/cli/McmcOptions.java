package org.jsbi.cli;

import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;
import org.jsbi.inference.McmcSampled;
import picocli.CommandLine.Option;

/** MCMC settings for NLE posteriors, shared by {@code sample} and {@code bench}; NPE posteriors ignore them. */
public final class McmcOptions {
  enum Sampler { slice, mh }

  enum Starts { chain, pooled }

  @Option(names = "--mcmc", defaultValue = "slice", paramLabel = "SAMPLER", description = "NLE only: MCMC sampler, "
      + "slice (vectorized slice sampler, default) or mh (adaptive Metropolis-Hastings).")
  Sampler sampler;

  @Option(names = "--chains", paramLabel = "C", description = "NLE only: the most chains run together (default 1000; fewer when "
      + "that would leave a chain fewer than 20 draws).")
  Integer chains;

  @Option(names = "--warmup", paramLabel = "W", description = "NLE only: warm-up sweeps per chain (default 100).")
  Integer warmup;

  @Option(names = "--thin", paramLabel = "T", description = "NLE only: keep every T-th sweep (default 10).")
  Integer thin;

  @Option(names = "--mcmc-starts", paramLabel = "HOW", description = "NLE only: how chains start: chain (each "
      + "picks among its own 100 prior draws, weighted by the likelihood) or pooled (all draw from one tempered, "
      + "weighted pool of 100 prior draws per chain); default chain.")
  Starts starts;

  @Option(names = "--mcmc-jumps", negatable = true, description = "NLE only: after every sweep, let each chain "
      + "propose a jump to where other chains are (moves between modes); default on.")
  Boolean jumps;

  @Option(names = "--mcmc-time-limit", paramLabel = "SECONDS",
      description = "NLE only: stop MCMC with an error after this long (default 600).")
  Double maxSeconds;

  /** {@code posterior} with these settings when it samples by MCMC. */
  TrainedPosterior apply(TrainedPosterior posterior) {
    McmcSampled sampled = posterior.as(McmcSampled.class).orElse(null);
    if (sampled == null) {
      return posterior;
    }
    McmcSettings s = McmcSettings.defaults();
    try {
      s = chains == null ? s : s.withChains(chains);
      s = warmup == null ? s : s.withWarmup(warmup);
      s = thin == null ? s : s.withThin(thin);
      s = maxSeconds == null ? s : s.withMaxSeconds(maxSeconds);
      s = starts == null ? s : s.withStarts(starts == Starts.pooled ? McmcSettings.Starts.POOLED : McmcSettings.Starts.CHAIN);
      s = jumps == null ? s : s.withJumps(jumps);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--chains, --warmup, --thin or --mcmc-time-limit: " + e.getMessage());
    }
    return sampled.withMcmc(sampler == Sampler.mh ? Mcmc.Method.METROPOLIS_HASTINGS : Mcmc.Method.SLICE, s);
  }
}
