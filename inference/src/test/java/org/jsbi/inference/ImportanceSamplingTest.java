package org.jsbi.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.NormalizedDensity;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.junit.jupiter.api.Test;

/** Importance sampling between two posteriors whose densities are known exactly. */
class ImportanceSamplingTest {
  /** A 1-D posterior given by its log-density (and, for proposals, a sampler); x is ignored. */
  private abstract static class Known implements TrainedPosterior {
    private final String method;

    Known(String method) {
      this.method = method;
    }

    abstract double logDensity(double theta);

    @Override
    public double[] logProb(Batch theta, double[] xObserved) {
      return Arrays.stream(theta.column(0)).map(this::logDensity).toArray();
    }

    @Override
    public PosteriorSamples sample(int n, double[] xObserved, long seed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String modelId() {
      return "one-d";
    }

    @Override
    public List<String> parameterNames() {
      return List.of("theta");
    }

    @Override
    public int dataDim() {
      return 1;
    }

    @Override
    public double[] map(double[] xObserved, long seed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Model model() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ConditionalDensityEstimator estimator() {
      throw new UnsupportedOperationException();
    }

    @Override
    public TrainingRecord training() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  /** A normal proposal N(mean, sd²) with its exact density. */
  private static final class NormalProposal extends Known implements NormalizedDensity {
    private final double mean;
    private final double sd;

    NormalProposal(double mean, double sd) {
      super("npe");
      this.mean = mean;
      this.sd = sd;
    }

    @Override
    double logDensity(double theta) {
      double z = (theta - mean) / sd;
      return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }

    @Override
    public PosteriorSamples sample(int n, double[] xObserved, long seed) {
      RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
      Batch out = Batch.zeros(n, 1);
      for (int i = 0; i < n; i++) {
        out.set(i, 0, mean + sd * rng.nextGaussian());
      }
      return new PosteriorSamples(out, n, 0);
    }
  }

  /** Unnormalized: 70% of the mass in N(1, 0.3²), 30% in N(−1, 0.3²), times 5. */
  private static final Known TWO_MODES = new Known("nle") {
    @Override
    double logDensity(double theta) {
      double a = (theta - 1) / 0.3;
      double b = (theta + 1) / 0.3;
      return Math.log(5 * (0.7 * Math.exp(-0.5 * a * a) + 0.3 * Math.exp(-0.5 * b * b)));
    }
  };

  @Test
  void aBroadProposalReweightedGivesTheTargetsModesAndMoments() {
    PosteriorSamples s = ImportanceSampling.sample(TWO_MODES, new NormalProposal(0, 1.5), 20_000, new double[1],
        32, 7);
    double[] theta = s.samples().column(0);
    double upper = Arrays.stream(theta).filter(t -> t > 0).count() / (double) theta.length;
    double mean = Arrays.stream(theta).average().orElseThrow();
    // exact: share 0.7, mean 0.7 − 0.3 = 0.4; sd of the share's estimate about 0.0035, of the mean about 0.008
    assertThat(upper).isCloseTo(0.7, within(0.015));
    assertThat(mean).isCloseTo(0.4, within(0.03));
    assertThat(s.diagnostics()).startsWith("importance sampling: 20000 draws, each picked among 32 proposals from npe")
        .contains("effective sample size").doesNotContain("warning");
  }

  @Test
  void aProposalThatMissesTheMassIsReportedNotTrusted() {
    PosteriorSamples s = ImportanceSampling.sample(TWO_MODES, new NormalProposal(-3, 0.3), 2000, new double[1], 32,
        8);
    assertThat(s.diagnostics()).contains("warning: only ").contains("of the proposals count");
  }

  @Test
  void aProposalWithoutANormalizedDensityIsRefused() {
    assertThatThrownBy(() -> ImportanceSampling.sample(TWO_MODES, TWO_MODES, 100, new double[1], 32, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("proposal: expected a posterior with a normalized density that samples directly");
  }
}
