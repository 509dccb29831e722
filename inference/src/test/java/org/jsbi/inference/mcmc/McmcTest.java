package org.jsbi.inference.mcmc;

import org.jsbi.api.UnconstrainedSpace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The samplers alone, on conjugate models whose posteriors are known exactly. */
class McmcTest {
  private static RandomGenerator rng(long seed) {
    return new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
  }

  /**
   * θ ~ N(0, I₂), three observations x_j ~ N(θ, 0.5² I): the posterior is N(12·x̄ / 13, I / 13) in each coordinate.
   */
  @ParameterizedTest
  @EnumSource(Mcmc.Method.class)
  void recoversTheGaussianConjugatePosterior(Mcmc.Method method) {
    double[][] obs = {{0.9, -0.4}, {1.3, -0.1}, {1.1, -0.7}};
    LogDensity logLikelihood = theta -> {
      double[] out = new double[theta.rows()];
      for (int r = 0; r < theta.rows(); r++) {
        for (double[] x : obs) {
          for (int i = 0; i < 2; i++) {
            double z = (x[i] - theta.get(r, i)) / 0.5;
            out[r] += -0.5 * z * z;
          }
        }
      }
      return out;
    };
    McmcResult result = Mcmc.sample(method, Priors.isotropicNormal(2, 0, 1), logLikelihood, 4000,
        McmcSettings.defaults().withChains(40), rng(1));
    System.out.println("conjugate Gaussian, " + result.summary());
    assertThat(result.warnings()).isEmpty();
    for (int i = 0; i < 2; i++) {
      double xbar = (obs[0][i] + obs[1][i] + obs[2][i]) / 3;
      double mean = 12 * xbar / 13;
      double sd = Math.sqrt(1.0 / 13);
      double[] v = result.samples().column(i);
      double m = Arrays.stream(v).average().orElseThrow();
      double s = Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1));
      double se = sd / Math.sqrt(result.ess()[i]);
      assertThat(m).as("mean of θ%d", i + 1).isCloseTo(mean, Offset.offset(5 * se));
      assertThat(s).as("sd of θ%d", i + 1).isCloseTo(sd, Offset.offset(0.1 * sd));
      assertThat(result.ess()[i]).as("ESS of θ%d", i + 1).isGreaterThan(400);
    }
  }

  /** log-likelihood of 7 successes in 20 Bernoulli trials with success probability θ. */
  private static final LogDensity SEVEN_OF_TWENTY = theta -> {
    double[] out = new double[theta.rows()];
    for (int r = 0; r < theta.rows(); r++) {
      double p = theta.get(r, 0);
      out[r] = 7 * Math.log(p) + 13 * Math.log1p(-p);
    }
    return out;
  };

  /**
   * θ ~ U(0, 1) and 7 successes in 20 Bernoulli trials: the posterior is Beta(8, 14). The sampler works on the
   * logit of θ, so this checks the Jacobian: without it the draws would follow a different Beta.
   */
  @ParameterizedTest
  @EnumSource(Mcmc.Method.class)
  void recoversTheBetaPosteriorOfABoundedPrior(Mcmc.Method method) {
    McmcResult result = Mcmc.sample(method, Priors.boxUniform(new double[] {0}, new double[] {1}), SEVEN_OF_TWENTY,
        2000, McmcSettings.defaults().withChains(20).withThin(method == Mcmc.Method.SLICE ? 5 : 20), rng(2));
    System.out.println("Beta posterior, " + result.summary());
    double[] draws = result.samples().column(0);
    assertThat(Arrays.stream(draws).allMatch(p -> p > 0 && p < 1)).isTrue();
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(8, 14), draws);
    assertThat(p).as("KS p-value against Beta(8, 14)").isGreaterThan(1e-3);
  }

  /**
   * The Beta(8, 14) posterior again, with as many chains as NLE runs for 10,000 draws. With many chains the slice
   * sampler evaluates several candidates per chain in one call once few chains are left; the draws must still
   * follow the posterior exactly.
   */
  @org.junit.jupiter.api.Test
  void sliceSamplingWithManyChainsStaysExact() {
    McmcResult result = Mcmc.sample(Mcmc.Method.SLICE, Priors.boxUniform(new double[] {0}, new double[] {1}),
        SEVEN_OF_TWENTY, 10_000, McmcSettings.defaults().withThin(5), rng(5));
    System.out.println("Beta posterior, 500 chains, " + result.summary());
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(8, 14),
        result.samples().column(0));
    assertThat(p).as("KS p-value against Beta(8, 14)").isGreaterThan(1e-3);
  }

  @org.junit.jupiter.api.Test
  void byDefaultThereIsOneChainPer20DrawsUpTo1000() {
    McmcSettings defaults = McmcSettings.defaults();
    assertThat(Mcmc.chainsFor(10_000, defaults)).isEqualTo(500);
    assertThat(Mcmc.chainsFor(1_000, defaults)).isEqualTo(50);
    assertThat(Mcmc.chainsFor(100_000, defaults)).isEqualTo(1000);
    assertThat(Mcmc.chainsFor(10, defaults)).isEqualTo(1);
    assertThat(Mcmc.chainsFor(10_000, defaults.withChains(100))).isEqualTo(100);
  }

  /** Chains started far apart on a narrow target, with no warm-up and few sweeps, have not mixed: R-hat says so. */
  @org.junit.jupiter.api.Test
  void rHatFlagsChainsStartedApartAndRunTooShort() {
    LogDensity narrow = y -> {
      double[] out = new double[y.rows()];
      for (int r = 0; r < y.rows(); r++) {
        out[r] = -0.5 * y.get(r, 0) * y.get(r, 0) / 0.01;
      }
      return out;
    };
    Batch apart = Batch.of(new double[] {-30}, new double[] {-20}, new double[] {20}, new double[] {30});
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(1, 0, 100));
    McmcSettings shortRun = new McmcSettings(4, 0, 1, 60);
    McmcResult result = new MetropolisHastings(narrow, apart, rng(3)).run(40, shortRun, identity);
    assertThat(result.rHat()[0]).isGreaterThan(McmcResult.R_HAT_WARNING);
    assertThat(result.warnings()).first().asString().contains("R-hat of parameter 1");

    McmcResult longer = new SliceSampler(narrow, apart, rng(4)).run(4000, new McmcSettings(4, 200, 2, 60),
        identity);
    assertThat(longer.rHat()[0]).as("the same chains after warm-up").isLessThan(1.01);
    assertThat(longer.warnings()).isEmpty();
  }

  /** A sharp likelihood with two modes of equal mass, at θ₁ = ±2 (sd 0.05), and θ₂ near 0. */
  static final LogDensity TWO_MODES = theta -> {
    double[] out = new double[theta.rows()];
    for (int r = 0; r < theta.rows(); r++) {
      double a = (theta.get(r, 0) - 2) / 0.05;
      double b = (theta.get(r, 0) + 2) / 0.05;
      double c = theta.get(r, 1) / 0.05;
      out[r] = Math.log(Math.exp(-0.5 * a * a) + Math.exp(-0.5 * b * b)) - 0.5 * c * c;
    }
    return out;
  };

  /**
   * A sharp likelihood with two modes of equal mass, at θ₁ = ±2 (sd 0.05): each chain's start comes from its own
   * candidates, so the starts are all different and split between the modes as a fair coin would. (Resampling every
   * chain from one pooled set put all 200 on a handful of candidates that dominated it.)
   */
  @Test
  void chainStartsAreIndependentAndFindEveryMode() {
    int chains = 200;
    Batch start = Mcmc.sirInit(Priors.boxUniform(2, -3, 3), TWO_MODES, chains, rng(5));
    long distinct = Arrays.stream(start.column(0)).distinct().count();
    long upper = Arrays.stream(start.column(0)).filter(t -> t > 0).count();
    assertThat(distinct).as("distinct starts").isGreaterThan(chains * 9 / 10);
    // Binomial(200, 1/2): 100 ± 3.5 standard deviations.
    assertThat(upper).as("starts in the upper mode").isBetween(65L, 135L);
  }

  /**
   * The same two sharp modes sampled without jumps between modes: each chain stays in its mode, R-hat warns, and
   * the warning says the chains sit in two separated groups, with their shares and centers, and that more warm-up
   * will not help.
   */
  @Test
  void chainsStuckInSeparateModesAreReportedAsGroups() {
    McmcResult r = Mcmc.sample(Mcmc.Method.SLICE, Priors.boxUniform(2, -3, 3), TWO_MODES, 2000,
        McmcSettings.defaults().withJumps(false).withStarts(McmcSettings.Starts.CHAIN), rng(6));
    assertThat(r.groups().separated()).isTrue();
    assertThat(r.groups().shares()).hasSize(2);
    assertThat(r.groups().shares()[0] + r.groups().shares()[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Math.abs(r.groups().centers().get(0)[0])).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.05));
    assertThat(r.groups().centers().get(0)[0] * r.groups().centers().get(1)[0]).as("one group per mode")
        .isNegative();
    assertThat(String.join("\n", r.warnings())).contains("R-hat of parameter 1")
        .contains("the chains sit in 2 separated groups: ").contains("more warm-up will not change them")
        .contains("sample again with jumps between modes");
  }

  /** With jumps between modes, the same chains cross between the two modes: no warning, and even shares. */
  @Test
  void withJumpsTheChainsCrossBetweenModes() {
    McmcResult r = Mcmc.sample(Mcmc.Method.SLICE, Priors.boxUniform(2, -3, 3), TWO_MODES, 2000,
        McmcSettings.defaults().withJumps(true), rng(6));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.summary()).contains("jumps between modes accepted");
    double upper = Arrays.stream(r.samples().column(0)).filter(t -> t > 0).count() / 2000.0;
    // 2,000 draws with min ESS over 1,000: the share's standard error is at most about 0.016
    assertThat(upper).isCloseTo(0.5, Offset.offset(0.07));
  }

  /** Chains that overlap are one group, however many there are. */
  @Test
  void overlappingChainsAreOneGroup() {
    java.util.SplittableRandom g = new java.util.SplittableRandom(8);
    double[][][] trace = new double[1][40][30];
    for (int c = 0; c < 40; c++) {
      for (int j = 0; j < 30; j++) {
        trace[0][c][j] = g.nextGaussian();
      }
    }
    UnconstrainedSpace identity = new UnconstrainedSpace(Priors.isotropicNormal(1, 0, 100));
    assertThat(ChainGroups.of(trace, identity).separated()).isFalse();
    for (int c = 0; c < 10; c++) {
      for (int j = 0; j < 30; j++) {
        trace[0][c][j] += 50;
      }
    }
    ChainGroups two = ChainGroups.of(trace, identity);
    assertThat(two.shares()).containsExactly(0.75, 0.25);
    assertThat(two.describe()).startsWith("the chains sit in 2 separated groups: 75.0% of the draws around θ = (");
  }
}
