package org.jsbi.inference.mcmc;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Moves between modes, proposed from where the other chains are. The chains are split in two halves at random; each
 * chain of one half proposes a point from the other half's current states, and accepts it by Metropolis–Hastings.
 * Given the other half, the proposal does not depend on the chain's past, so each half's move leaves π invariant:
 * the complementary-ensemble split of Goodman and Weare's ensemble samplers (2010). Two proposals:
 *
 * <ul>
 *   <li>{@link McmcSettings.Jumps#KERNEL} (the default): a point drawn from a Gaussian kernel density q on the other
 *       half's states, accepted with probability min(1, π(x′) q(x) / (π(x) q(x′))), an independence step. Each
 *       kernel sits on one chain's state with the covariance of its nearest neighbours around it (so that kernels
 *       follow a thin, curved mode instead of spilling out of it), at most {@value #MAX_KERNELS} kernels a half.
 *   <li>{@link McmcSettings.Jumps#DIFFERENTIAL}: differential evolution (ter Braak 2006), x′ = x + γ (x_a − x_b) +
 *       ε with a and b two chains of the other half, γ = 1 one move in ten (which carries a chain by the offset
 *       between two modes) and 2.38 / √(2d) otherwise, ε a small jitter; symmetric, so accepted with probability
 *       min(1, π(x′) / π(x)). Kept for comparison (BENCHMARKS.md, "MCMC between modes").
 * </ul>
 *
 * <p>A chain in one mode thus proposes into another as often as the other half's chains sit there, and the
 * acceptance ratio moves chains towards the modes' true shares of the mass: chains that each stay in the crescent
 * they started in (the slice sampler's local moves) now cross between crescents, and a chain stuck in a spurious
 * local mode of a learned likelihood leaves it for where the others are. Modes that no chain has found stay unfound:
 * that is the starting points' work ({@link Mcmc#starts}). A move is one batched call of the target for half of the
 * chains.
 */
final class ModeJumps {
  static final int MAX_KERNELS = 256;
  /** The jitter added to a differential-evolution proposal, relative to the other half's spread per coordinate. */
  static final double JITTER = 1e-3;
  private final RandomGenerator rng;
  private final boolean differential;
  private long proposed;
  private long accepted;
  private long stragglers;

  /** Kernel-density jumps, the default. */
  ModeJumps(RandomGenerator rng) {
    this(rng, McmcSettings.Jumps.KERNEL);
  }

  ModeJumps(RandomGenerator rng, McmcSettings.Jumps proposal) {
    if (proposal == McmcSettings.Jumps.OFF) {
      throw new IllegalArgumentException("proposal: expected KERNEL or DIFFERENTIAL, got OFF");
    }
    this.rng = rng;
    this.differential = proposal == McmcSettings.Jumps.DIFFERENTIAL;
  }

  /** The share of proposals accepted so far, or NaN before any. */
  double acceptance() {
    return proposed == 0 ? Double.NaN : accepted / (double) proposed;
  }

  /** One move for every chain: each half in turn, proposing from the other half's current states. */
  void move(ChainSampler s) {
    if (s.chains < 4) {
      return;
    }
    int[] order = shuffled(s.chains);
    int half = s.chains / 2;
    int[] first = Arrays.copyOfRange(order, 0, half);
    int[] second = Arrays.copyOfRange(order, half, s.chains);
    moveHalf(s, first, second);
    moveHalf(s, second, first);
  }

  private void moveHalf(ChainSampler s, int[] moving, int[] others) {
    if (differential) {
      differentialHalf(s, moving, others);
      return;
    }
    int[] kernelChains = others.length <= MAX_KERNELS ? others
        : Arrays.copyOf(shuffledFrom(others), MAX_KERNELS);
    double[][] centres = new double[kernelChains.length][];
    for (int k = 0; k < centres.length; k++) {
      centres[k] = s.x[kernelChains[k]].clone();
    }
    KernelMixture q = KernelMixture.fit(centres);
    if (q == null) {
      return;
    }
    double[][] proposals = new double[moving.length][];
    for (int m = 0; m < moving.length; m++) {
      proposals[m] = q.draw(rng);
    }
    double[] values = s.evaluate(proposals);
    // q at each chain's state and at its proposal: the move's one cost besides the call, spread over the cores
    double[] logQHere = new double[moving.length];
    double[] logQThere = new double[moving.length];
    IntStream.range(0, moving.length).parallel().forEach(m -> {
      logQHere[m] = q.logDensity(s.x[moving[m]]);
      logQThere[m] = q.logDensity(proposals[m]);
    });
    for (int m = 0; m < moving.length; m++) {
      int c = moving[m];
      proposed++;
      if (!(values[m] > Double.NEGATIVE_INFINITY)) {
        continue;
      }
      double logRatio = values[m] - s.lp[c] + logQHere[m] - logQThere[m];
      if (Math.log(rng.nextDouble()) < logRatio) {
        s.x[c] = proposals[m];
        s.lp[c] = values[m];
        accepted++;
      }
    }
  }

  private void differentialHalf(ChainSampler s, int[] moving, int[] others) {
    double[] spread = new double[s.dim];
    for (int i = 0; i < s.dim; i++) {
      double mean = 0;
      for (int c : others) {
        mean += s.x[c][i] / others.length;
      }
      for (int c : others) {
        spread[i] += (s.x[c][i] - mean) * (s.x[c][i] - mean) / others.length;
      }
      spread[i] = Math.sqrt(spread[i]);
    }
    double gamma = 2.38 / Math.sqrt(2.0 * s.dim);
    double[][] proposals = new double[moving.length][s.dim];
    for (int m = 0; m < moving.length; m++) {
      int ia = rng.nextInt(others.length);
      int ib = rng.nextInt(others.length - 1); // a second, different chain of the other half
      int a = others[ia];
      int b = others[ib >= ia ? ib + 1 : ib];
      double g = rng.nextInt(10) == 0 ? 1 : gamma;
      double[] here = s.x[moving[m]];
      for (int i = 0; i < s.dim; i++) {
        proposals[m][i] = here[i] + g * (s.x[a][i] - s.x[b][i]) + JITTER * spread[i] * rng.nextGaussian();
      }
    }
    double[] values = s.evaluate(proposals);
    for (int m = 0; m < moving.length; m++) {
      int c = moving[m];
      proposed++;
      if (values[m] > Double.NEGATIVE_INFINITY && Math.log(rng.nextDouble()) < values[m] - s.lp[c]) {
        s.x[c] = proposals[m];
        s.lp[c] = values[m];
        accepted++;
      }
    }
  }

  /**
   * During warm-up only (its draws are discarded, so the chains' law there need not be kept): moves every chain
   * whose log density lies more than {@code 25 + dimension} below the chains' median to the state of a chain at or
   * above the median. A chain stranded where the kernels of the others put almost no proposal mass (for instance in
   * a corner of the prior that the learned likelihood does not rule out sharply enough) cannot leave by jumps, whose
   * acceptance there is the ratio of a tiny proposal density to the target's; a mode so far below the others holds
   * a negligible share of the mass (under e⁻²⁵ of the median's density per unit volume).
   */
  void resetStragglers(ChainSampler s) {
    double[] sorted = s.lp.clone();
    Arrays.sort(sorted);
    double median = sorted[s.chains / 2];
    double floor = median - 25 - s.dim;
    int[] good = java.util.stream.IntStream.range(0, s.chains).filter(c -> s.lp[c] >= median).toArray();
    for (int c = 0; c < s.chains; c++) {
      if (s.lp[c] < floor) {
        int g = good[rng.nextInt(good.length)];
        s.x[c] = s.x[g].clone();
        s.lp[c] = s.lp[g];
        stragglers++;
      }
    }
  }

  /** Chains moved by {@link #resetStragglers} so far. */
  long stragglers() {
    return stragglers;
  }

  private int[] shuffled(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return shuffledFrom(order);
  }

  private int[] shuffledFrom(int[] values) {
    int[] out = values.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
