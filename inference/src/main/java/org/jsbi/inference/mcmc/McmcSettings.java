package org.jsbi.inference.mcmc;

import org.jsbi.api.Arguments;

/**
 * How a sampler runs. Defaults: 100 chains and thinning 10, as sbibm's vectorized slice sampler, and 100 warm-up
 * sweeps (sbibm uses 25; the adaptation of widths and proposals here needs more).
 *
 * @param chains chains that advance together (each sweep evaluates the target once per batch for all of them);
 *     fewer run when the draws asked for would leave a chain fewer than 20
 * @param warmup sweeps per chain discarded while the sampler adapts its widths or proposal
 * @param thin keep every {@code thin}-th sweep after warm-up
 * @param maxSeconds wall-time cap; exceeding it fails with a message instead of running on
 */
public record McmcSettings(int chains, int warmup, int thin, double maxSeconds) {
  public McmcSettings {
    Arguments.positive("chains", chains);
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup: expected 0 or more sweeps, got " + warmup);
    }
    Arguments.positive("thin", thin);
    if (!(maxSeconds > 0)) {
      throw new IllegalArgumentException("maxSeconds: expected a positive time cap, got " + maxSeconds);
    }
  }

  public static McmcSettings defaults() {
    return new McmcSettings(100, 100, 10, 600);
  }

  public McmcSettings withChains(int n) {
    return new McmcSettings(n, warmup, thin, maxSeconds);
  }

  public McmcSettings withWarmup(int n) {
    return new McmcSettings(chains, n, thin, maxSeconds);
  }

  public McmcSettings withThin(int n) {
    return new McmcSettings(chains, warmup, n, maxSeconds);
  }

  public McmcSettings withMaxSeconds(double s) {
    return new McmcSettings(chains, warmup, thin, s);
  }
}
