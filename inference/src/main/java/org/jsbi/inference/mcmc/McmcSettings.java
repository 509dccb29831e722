package org.jsbi.inference.mcmc;

import org.jsbi.api.Arguments;

/**
 * How a sampler runs. Defaults: one chain per 20 draws asked for, at most 1,000; thinning 10, as sbibm's vectorized
 * slice sampler; and 100 warm-up sweeps (sbibm uses 25; the adaptation of widths and proposals here needs more).
 * Many chains cost little more per sweep than few, since each round is one batched evaluation, and they need fewer
 * sweeps: on two-moons NLE, 500 chains for 10,000 draws took 5.3 s against 8.1 s for 100 chains, with a lower
 * C2ST (0.538 against 0.562 over observations 1-3; docs/benchmark-history.md). Each chain starts from its own 100
 * prior draws ({@link Starts#CHAIN}), and after every sweep the chains may jump to where other chains are
 * ({@link ModeJumps}): on two-moons NLE at 10⁴ this brought the crescents' shares within 1.9 points of the
 * reference's (from 15.9) and R-hat below 1.05 on every observation, and on slcp R-hat from 2.6–6.6 to at most 1.015
 * (BENCHMARKS.md, "MCMC between modes").
 *
 * @param chains the most chains that advance together (each round evaluates the target once, in one batch, for
 *     all of them); fewer run when the draws asked for would leave a chain fewer than 20
 * @param warmup sweeps per chain discarded while the sampler adapts its widths or proposal
 * @param thin keep every {@code thin}-th sweep after warm-up
 * @param maxSeconds wall-time cap; exceeding it fails with a message instead of running on
 * @param starts how the chains' starting points are drawn
 * @param jumps whether and how chains jump between modes after every sweep ({@link ModeJumps})
 */
public record McmcSettings(int chains, int warmup, int thin, double maxSeconds, Starts starts, Jumps jumps) {
  /** Moves between modes after every sweep ({@link ModeJumps}). */
  public enum Jumps {
    /** None: each chain moves only by the sampler's local steps. */
    OFF,
    /** Proposals from a kernel density on the other half of the chains' states (the default). */
    KERNEL,
    /** Differential-evolution proposals from the other half's states (ter Braak 2006), for comparison. */
    DIFFERENTIAL
  }

  /** How the chains' starting points are found, among prior draws weighted by the likelihood. */
  public enum Starts {
    /** Each chain picks one of its own 100 prior draws, with probability proportional to the likelihood. */
    CHAIN,
    /**
     * All chains draw from one pool of 100 prior draws per chain, weighted by the likelihood raised to the power
     * (at most 1) that keeps the weights' effective sample size at a quarter of the chains or more, so that the
     * starts spread over every mode the pool found instead of collapsing onto its few best points.
     */
    POOLED
  }

  /** The settings without moves between modes, starting each chain from its own draws (as before 2026-12). */
  public McmcSettings(int chains, int warmup, int thin, double maxSeconds) {
    this(chains, warmup, thin, maxSeconds, Starts.CHAIN, Jumps.OFF);
  }

  public McmcSettings {
    java.util.Objects.requireNonNull(starts, "starts");
    java.util.Objects.requireNonNull(jumps, "jumps");
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
    return new McmcSettings(1000, 100, 10, 600, Starts.CHAIN, Jumps.KERNEL);
  }

  public McmcSettings withChains(int n) {
    return new McmcSettings(n, warmup, thin, maxSeconds, starts, jumps);
  }

  public McmcSettings withWarmup(int n) {
    return new McmcSettings(chains, n, thin, maxSeconds, starts, jumps);
  }

  public McmcSettings withThin(int n) {
    return new McmcSettings(chains, warmup, n, maxSeconds, starts, jumps);
  }

  public McmcSettings withMaxSeconds(double s) {
    return new McmcSettings(chains, warmup, thin, s, starts, jumps);
  }

  public McmcSettings withStarts(Starts s) {
    return new McmcSettings(chains, warmup, thin, maxSeconds, s, jumps);
  }

  /** Kernel jumps ({@code true}) or none. */
  public McmcSettings withJumps(boolean on) {
    return withJumps(on ? Jumps.KERNEL : Jumps.OFF);
  }

  public McmcSettings withJumps(Jumps how) {
    return new McmcSettings(chains, warmup, thin, maxSeconds, starts, how);
  }
}
