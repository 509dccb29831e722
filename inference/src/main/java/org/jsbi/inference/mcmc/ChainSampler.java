package org.jsbi.inference.mcmc;

import org.jsbi.api.UnconstrainedSpace;

import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;

/**
 * Many chains advanced together, sweep by sweep, on a density over unconstrained coordinates: warm-up (adapting),
 * then kept sweeps with thinning, under a wall-time cap; diagnostics at the end. Subclasses define one sweep.
 */
abstract class ChainSampler {
  final LogDensity target;
  final RandomGenerator rng;
  final double[][] x;
  final double[] lp;
  final int chains;
  final int dim;
  private long evaluations;
  private long calls;
  /** Moves between modes after every sweep, or null for none. */
  private ModeJumps jumps;

  ChainSampler(LogDensity target, Batch init, RandomGenerator rng) {
    this.target = target;
    this.rng = rng;
    this.chains = init.rows();
    this.dim = init.cols();
    this.x = new double[chains][];
    for (int c = 0; c < chains; c++) {
      x[c] = init.row(c);
    }
    this.lp = target.evaluate(init);
    for (int c = 0; c < chains; c++) {
      if (!(lp[c] > Double.NEGATIVE_INFINITY) || Double.isNaN(lp[c])) {
        throw new IllegalArgumentException("init: expected starting points where the target density is positive, "
            + "but chain " + c + " starts where log density is " + lp[c]);
      }
    }
  }

  abstract String name();

  /** Adds {@code moves} after every sweep (null: none). */
  final ChainSampler withJumps(ModeJumps moves) {
    this.jumps = moves;
    return this;
  }

  /** Advances every chain by one sweep; {@code warmup} sweeps may adapt the sampler's settings. */
  abstract void sweep(boolean warmup);

  /** Metropolis–Hastings acceptance rate after warm-up, or NaN. */
  double acceptance() {
    return Double.NaN;
  }

  /** The target at each row of {@code points}, counting evaluations. */
  final double[] evaluate(double[][] points) {
    evaluations += points.length;
    calls++;
    return target.evaluate(Batch.of(points));
  }

  /** Runs warm-up and enough kept sweeps for {@code draws} draws; returns them in unconstrained coordinates. */
  final McmcResult run(int draws, McmcSettings settings, UnconstrainedSpace space) {
    return run(draws, settings, space, org.jsbi.api.simulation.ProgressListener.NONE);
  }

  /** As {@link #run(int, McmcSettings, UnconstrainedSpace)}, reporting sweeps done out of the total. */
  final McmcResult run(int draws, McmcSettings settings, UnconstrainedSpace space,
      org.jsbi.api.simulation.ProgressListener progress) {
    long start = System.nanoTime();
    int kept = (draws + chains - 1) / chains;
    int total = settings.warmup() + kept * settings.thin();
    double[][][] trace = new double[dim][chains][kept];
    long keptEvaluations = 0;
    for (int s = 0; s < total; s++) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (elapsed > settings.maxSeconds()) {
        throw new IllegalStateException(String.format(java.util.Locale.ROOT, "MCMC: stopped at the time cap of "
            + "%.0f s after %d of %d sweeps (%s, %d chains); raise the time cap, or ask for fewer samples or less "
            + "thinning", settings.maxSeconds(), s, total, name(), chains));
      }
      boolean warmup = s < settings.warmup();
      long before = evaluations;
      sweep(warmup);
      if (jumps != null) {
        jumps.move(this);
        if (warmup) {
          jumps.resetStragglers(this);
        }
      }
      progress.progress(s + 1, total);
      if (!warmup) {
        keptEvaluations += evaluations - before;
        int k = s - settings.warmup();
        if ((k + 1) % settings.thin() == 0) {
          int j = k / settings.thin();
          for (int c = 0; c < chains; c++) {
            for (int i = 0; i < dim; i++) {
              trace[i][c][j] = x[c][i];
            }
          }
        }
      }
    }
    Batch y = Batch.zeros(kept * chains, dim);
    for (int j = 0; j < kept; j++) {
      for (int c = 0; c < chains; c++) {
        for (int i = 0; i < dim; i++) {
          y.set(j * chains + c, i, trace[i][c][j]);
        }
      }
    }
    double[] rHat = new double[dim];
    double[] ess = new double[dim];
    for (int i = 0; i < dim; i++) {
      rHat[i] = ChainDiagnostics.rHat(trace[i]);
      ess[i] = ChainDiagnostics.ess(trace[i]);
    }
    Batch theta = space.toConstrained(y.selectRows(java.util.stream.IntStream.range(0, draws).toArray()));
    double perDraw = keptEvaluations / (double) Math.max(1, (long) (total - settings.warmup()) * chains);
    return new McmcResult(name(), theta, rHat, ess, acceptance(), perDraw, calls,
        (System.nanoTime() - start) / 1e9, ChainGroups.of(trace, space),
        jumps == null ? Double.NaN : jumps.acceptance(), DrawModes.of(y, space));
  }
}
