package org.jsbi.inference.mcmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsbi.api.Batch;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.simulators.Slcp;
import org.junit.jupiter.api.Test;

/**
 * The default sampler on slcp's exact likelihood, where the posterior's four modes (the sign patterns of θ3 and θ4,
 * which the likelihood sees only squared) hold exactly a quarter of the mass each, by symmetry: with jumps between
 * modes the draws' shares match, without them they follow where the chains started. This separates the sampler from
 * a learned likelihood, which weighs the modes unequally (BENCHMARKS.md, "Mode shares on slcp").
 */
class SlcpModesTest {
  /** sbibm's slcp observation 1. */
  private static final double[] X = {2.3718784, 0.49947417, 9.931435, 1.7136912, -10.436423, -1.9067793, -1.2343777,
      -0.09735};

  private static final LogDensity EXACT = theta -> {
    double[] out = new double[theta.rows()];
    for (int r = 0; r < out.length; r++) {
      out[r] = Slcp.logLikelihood(theta.row(r), X);
    }
    return out;
  };

  static double[] shares(Batch draws) {
    double[] share = new double[4];
    for (int r = 0; r < draws.rows(); r++) {
      share[(draws.get(r, 2) > 0 ? 1 : 0) + (draws.get(r, 3) > 0 ? 2 : 0)] += 1.0 / draws.rows();
    }
    return share;
  }

  private static McmcResult sample(McmcSettings settings, long seed) {
    return Mcmc.sample(Mcmc.Method.SLICE, Priors.boxUniform(5, -3, 3), EXACT, 10_000, settings,
        new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER));
  }

  @Test
  void withJumpsEachOfTheFourModesGetsItsQuarter() {
    McmcResult r = sample(McmcSettings.defaults(), 1);
    double[] share = shares(r.samples());
    System.out.println("slcp, exact likelihood, default sampler: shares " + Arrays.toString(share) + "; "
        + r.summary());
    // 10,000 draws whose mode labels mix: a share's standard error is under 0.01
    for (double s : share) {
      assertThat(s).isBetween(0.22, 0.28);
    }
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void withoutJumpsTheChainsStayWhereTheyStart() {
    McmcResult r = sample(McmcSettings.defaults().withJumps(false), 1);
    System.out.println("slcp, exact likelihood, without jumps: shares " + Arrays.toString(shares(r.samples())) + "; "
        + r.summary());
    assertThat(r.groups().separated()).as("chains in separated groups").isTrue();
    assertThat(r.warnings()).isNotEmpty();
  }
}
