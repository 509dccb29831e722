package org.jsbi.inference.mcmc;

import org.jsbi.api.Arguments;

/**
 * How a sampler runs. Defaults: one chain per 20 draws asked for, at most 1,000; thinning 10, as sbibm's vectorized
 * slice sampler; and 100 warm-up sweeps (sbibm uses 25; the adaptation of widths and proposals here needs more).
 * Many chains cost little more per sweep than few, since each round is one batched evaluation, and they need fewer
 * sweeps: on two-moons NLE, 500 chains for 10,000 draws took 5.3 s against 8.1 s for 100 chains, with a lower
 * C2ST (0.538 against 0.562 over observations 1-3; docs/benchmark-history.md).
 *
 * @param chains the most chains that advance together (each round evaluates the target once, in one batch, for
 *     all of them); fewer run when the draws asked for would leave a chain fewer than 20
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
    return new McmcSettings(1000, 100, 10, 600);
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
