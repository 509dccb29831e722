package org.jsbi.inference.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.UnconstrainedSpace;
import org.junit.jupiter.api.Test;

/** Moves between modes ({@link ModeJumps}) and pooled starts ({@link PooledStarts}), on targets known exactly. */
class ModeJumpsTest {
  private static RandomGenerator rng(long seed) {
    return new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
  }

  /** Two sharp Gaussian modes (sd 0.05) at θ₁ = +2 and −2, holding 70% and 30% of the mass; θ₂ near 0. */
  private static final LogDensity SEVENTY_THIRTY = theta -> {
    double[] out = new double[theta.rows()];
    for (int r = 0; r < theta.rows(); r++) {
      double a = (theta.get(r, 0) - 2) / 0.05;
      double b = (theta.get(r, 0) + 2) / 0.05;
      double c = theta.get(r, 1) / 0.05;
      out[r] = Math.log(0.7 * Math.exp(-0.5 * a * a) + 0.3 * Math.exp(-0.5 * b * b)) - 0.5 * c * c;
    }
    return out;
  };

  private static double upperShare(Batch samples) {
    return Arrays.stream(samples.column(0)).filter(t -> t > 0).count() / (double) samples.rows();
  }

  /**
   * Nine chains in ten start in the lighter mode. Slice sampling alone leaves the shares at 10/90; with jumps the
   * chains cross to the true 70/30 shares, every chain visits both modes, and R-hat, which compares the chains, no
   * longer warns. (A mode where no chain starts stays unfound: jumps go only where other chains are.)
   */
  @Test
  void jumpsMoveChainsFromOneModeToTheTrueShares() {
    int chains = 200;
    Batch start = lopsidedStarts(chains);
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(2, 0, 100));
    McmcSettings settings = McmcSettings.defaults().withChains(chains).withThin(2);

    McmcResult stuck = new SliceSampler(SEVENTY_THIRTY, start, rng(2)).run(20_000, settings, identity);
    assertThat(upperShare(stuck.samples())).as("without jumps").isEqualTo(0.1);

    McmcResult moved = new SliceSampler(SEVENTY_THIRTY, start, rng(3)).withJumps(new ModeJumps(rng(4)))
        .run(20_000, settings, identity);
    System.out.println("70/30 modes with jumps: " + moved.summary() + ", upper share " + upperShare(moved.samples()));
    // 20,000 draws with an ESS in the thousands: the share's standard error is about 0.01
    assertThat(upperShare(moved.samples())).as("share of the heavier mode").isCloseTo(0.7, within(0.04));
    assertThat(Arrays.stream(moved.rHat()).max().orElseThrow()).isLessThan(McmcResult.R_HAT_WARNING);
    assertThat(moved.warnings()).isEmpty();
    // the chains mix, so they are one group; the draws still lie in two modes, which the summary gives
    assertThat(moved.groups().separated()).isFalse();
    assertThat(moved.modes().shares()).hasSize(2);
    assertThat(moved.modes().shares()[0]).isCloseTo(0.7, within(0.05));
    assertThat(moved.modes().centers().get(0)[0]).isCloseTo(2.0, within(0.02));
    assertThat(moved.summary()).contains("; the draws lie in 2 separated modes: ");
    // the same as numbers, as checks.json and sample --diagnostics give them
    var numbers = moved.diagnostics(moved.warnings());
    assertThat(numbers.modes()).hasSize(2);
    assertThat(numbers.modes().get(0).share()).isEqualTo(moved.modes().shares()[0]);
    assertThat(numbers.modes().get(1).center()[0]).isCloseTo(-2.0, within(0.02));
    assertThat(numbers.chainGroups()).hasSize(1);
    assertThat(numbers.maxRHat()).isLessThan(McmcResult.R_HAT_WARNING);
    assertThat(numbers.warnings()).isEmpty();
  }

  /** The chains' starts: a tenth at (2, 0), the heavier mode, and nine in ten at (−2, 0), the lighter one. */
  private static Batch lopsidedStarts(int chains) {
    Batch start = Batch.zeros(chains, 2);
    RandomGenerator placement = rng(1);
    for (int c = 0; c < chains; c++) {
      start.set(c, 0, (c < chains / 10 ? 2 : -2) + 0.05 * placement.nextGaussian());
      start.set(c, 1, 0.05 * placement.nextGaussian());
    }
    return start;
  }

  /** Differential-evolution jumps, kept for comparison, also reach the true shares from the same lopsided starts. */
  @Test
  void differentialJumpsAlsoReachTheTrueShares() {
    int chains = 200;
    Batch start = lopsidedStarts(chains);
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(2, 0, 100));
    McmcResult moved = new SliceSampler(SEVENTY_THIRTY, start, rng(3))
        .withJumps(new ModeJumps(rng(4), McmcSettings.Jumps.DIFFERENTIAL))
        .run(20_000, McmcSettings.defaults().withChains(chains).withThin(2), identity);
    assertThat(upperShare(moved.samples())).as("share of the heavier mode").isCloseTo(0.7, within(0.04));
    assertThat(moved.jumpAcceptance()).isPositive();
  }

  /** A thin crescent is one mode; two crescents apart, as in two moons, are two, with their shares. */
  @Test
  void crescentsAreFoundAsModes() {
    RandomGenerator r = rng(10);
    Batch draws = Batch.zeros(3000, 2);
    for (int k = 0; k < 3000; k++) {
      double angle = Math.PI * r.nextDouble();
      boolean first = k < 1800; // 60% in the first crescent, 40% in a second, interlocking one (scikit-learn's moons)
      draws.set(k, 0, (first ? Math.cos(angle) : 1 - Math.cos(angle)) + 0.02 * r.nextGaussian());
      draws.set(k, 1, (first ? Math.sin(angle) : 0.5 - Math.sin(angle)) + 0.02 * r.nextGaussian());
    }
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(2, 0, 100));
    Batch one = draws.selectRows(java.util.stream.IntStream.range(0, 1800).toArray());
    assertThat(DrawModes.of(one, identity).several()).as("one crescent").isFalse();
    // interleaved; of the 2,000 rows counted, 1,286 are in the first crescent (7k mod 3000 < 1800 for k < 2000)
    Batch mixed = draws.selectRows(java.util.stream.IntStream.range(0, 3000).map(k -> (k * 7) % 3000).toArray());
    DrawModes two = DrawModes.of(mixed, identity);
    assertThat(two.shares()).containsExactly(1286 / 2000.0, 714 / 2000.0);
    assertThat(two.describe()).startsWith("the draws lie in 2 separated modes: ");
  }

  /**
   * A chain stranded on a plateau far from the mass, where the density is e⁻⁴⁰ of the peak's (as at a prior corner
   * that a learned likelihood does not rule out): jumps cannot take it out (the others' kernels put no proposal mass
   * there), so warm-up moves it to where the others are, and R-hat no longer warns.
   */
  @Test
  void aChainStrandedFarBelowTheOthersIsMovedDuringWarmUp() {
    LogDensity plateau = y -> {
      double[] out = new double[y.rows()];
      for (int r = 0; r < y.rows(); r++) {
        double a = y.get(r, 0);
        out[r] = Math.abs(a - 50) < 5 ? -40 : -0.5 * a * a;
      }
      return out;
    };
    int chains = 40;
    Batch start = Batch.zeros(chains, 1);
    RandomGenerator placement = rng(11);
    for (int c = 0; c < chains; c++) {
      start.set(c, 0, c == 0 ? 50 : placement.nextGaussian());
    }
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(1, 0, 1000));
    McmcSettings settings = McmcSettings.defaults().withChains(chains).withThin(2);
    ModeJumps jumps = new ModeJumps(rng(12));
    McmcResult r = new SliceSampler(plateau, start, rng(13)).withJumps(jumps).run(4000, settings, identity);
    assertThat(jumps.stragglers()).isGreaterThanOrEqualTo(1);
    assertThat(Arrays.stream(r.samples().column(0)).max().orElseThrow()).isLessThan(10);
    assertThat(r.warnings()).isEmpty();
  }

  /** One Gaussian mode: no modes reported. */
  @Test
  void oneModeIsNotReportedAsSeveral() {
    LogDensity one = theta -> {
      double[] out = new double[theta.rows()];
      for (int r = 0; r < theta.rows(); r++) {
        out[r] = -0.5 * (theta.get(r, 0) * theta.get(r, 0) + theta.get(r, 1) * theta.get(r, 1));
      }
      return out;
    };
    McmcResult r = Mcmc.sample(Mcmc.Method.SLICE, Priors.isotropicNormal(2, 0, 3), one, 4000,
        McmcSettings.defaults(), rng(9));
    assertThat(r.modes().several()).isFalse();
    assertThat(r.summary()).doesNotContain("modes:");
  }

  /**
   * The far tails of a one-dimensional normal are sparse; linked at the local scale they stay with the mode. (Linked
   * at one global distance, as before, some of these 40 samples came out as two modes.)
   */
  @Test
  void theTailsOfOneNormalAreNotModes() {
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(1, 0, 100));
    for (int seed = 0; seed < 40; seed++) {
      RandomGenerator r = rng(100 + seed);
      Batch draws = Batch.zeros(2000, 1);
      for (int k = 0; k < 2000; k++) {
        draws.set(k, 0, r.nextGaussian());
      }
      assertThat(DrawModes.of(draws, identity).several()).as("seed %d", seed).isFalse();
    }
  }

  /** The jump proposal's density is that of the draws it makes: a histogram of draws matches exp(logDensity). */
  @Test
  void theKernelMixtureDrawsFromItsOwnDensity() {
    RandomGenerator r = rng(5);
    double[][] points = new double[60][];
    for (int k = 0; k < points.length; k++) {
      double angle = Math.PI * k / points.length; // along a half circle, as a crescent
      points[k] = new double[] {Math.cos(angle) + 0.02 * r.nextGaussian(), Math.sin(angle) + 0.02 * r.nextGaussian()};
    }
    KernelMixture q = KernelMixture.fit(points);
    int n = 200_000;
    int inBox = 0;
    for (int i = 0; i < n; i++) {
      double[] y = q.draw(r);
      inBox += y[0] > 0.2 && y[0] < 0.4 && y[1] > 0.85 && y[1] < 1.0 ? 1 : 0;
    }
    double integral = 0; // ∫ q over the same box, by the midpoint rule on a 60 × 60 grid
    for (int a = 0; a < 60; a++) {
      for (int b = 0; b < 60; b++) {
        double[] y = {0.2 + (a + 0.5) * 0.2 / 60, 0.85 + (b + 0.5) * 0.15 / 60};
        integral += Math.exp(q.logDensity(y)) * (0.2 / 60) * (0.15 / 60);
      }
    }
    double share = inBox / (double) n;
    assertThat(integral).as("the box holds mass").isGreaterThan(0.01);
    assertThat(share).isCloseTo(integral, within(5 * Math.sqrt(integral / n) + 0.002));
  }

  /**
   * Two equally heavy sharp modes: pooled starts are tempered so that they do not collapse onto a few pool points,
   * and they split between the modes about evenly.
   */
  @Test
  void pooledStartsSpreadOverEveryMode() {
    int chains = 200;
    Batch start = PooledStarts.draw(Priors.boxUniform(2, -3, 3), McmcTest.TWO_MODES, chains, 100 * chains, rng(6));
    long distinct = Arrays.stream(start.column(0)).distinct().count();
    assertThat(distinct).as("distinct starts").isGreaterThanOrEqualTo(chains / 5);
    assertThat(upperShare(start)).as("starts in the upper mode").isBetween(0.3, 0.7);
  }

  @Test
  void theTemperatureIsOneWhenTheWeightsAreAlreadySpread() {
    double[] flat = new double[1000];
    assertThat(PooledStarts.temperature(flat, 0, 250)).isEqualTo(1.0);
    double[] sharp = new double[1000];
    for (int k = 0; k < sharp.length; k++) {
      sharp[k] = -k; // weights e^-k: an effective sample size near 2
    }
    double beta = PooledStarts.temperature(sharp, 0, 250);
    assertThat(beta).isBetween(0.0, 0.01);
  }
}
