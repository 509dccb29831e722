package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our exact posterior samplers against sbibm's shipped reference samples (10,000 each): per dimension, the mean,
 * standard deviation and five quantiles agree, and a two-sample KS test does not reject. Quantiles are compared in
 * probability space (the share of our samples below each reference quantile), because in value space a quantile
 * of a bimodal posterior such as two-moons' falls in the gap between modes and is not a stable target.
 */
class ReferencePosteriorTest {
  static final double[] QUANTILES = {5, 25, 50, 75, 95};

  @ParameterizedTest(name = "{0} observation {1}")
  @CsvSource({
    "gaussian-linear, gaussian_linear, 1",
    "gaussian-linear-uniform, gaussian_linear_uniform, 1",
    "two-moons, two_moons, 1",
    "two-moons, two_moons, 2",
    "gaussian-mixture, gaussian_mixture, 1"
  })
  void samplesMatchSbibmsReferenceSamples(String modelId, String folder, int observation) {
    Registry registry = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load();
    ReferencePosterior posterior = registry.model(modelId).referencePosterior().orElseThrow();
    Batch reference = SbibmFiles.referenceSamples(folder, observation);
    double[] xo = SbibmFiles.observation(folder, observation);
    Batch ours = posterior.sample(reference.rows(), xo, new RandomStreams(observation).single(
        RandomStreams.Purpose.SAMPLER));
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    Percentile percentile = new Percentile();
    for (int j = 0; j < reference.cols(); j++) {
      double[] a = ours.column(j);
      double[] b = reference.column(j);
      double sd = Math.sqrt(Draws.variance(b));
      double se = sd * Math.sqrt(2.0 / b.length);
      assertThat(Draws.mean(a)).as("mean, dim %d", j).isCloseTo(Draws.mean(b), Offset.offset(5 * se));
      assertThat(Math.sqrt(Draws.variance(a))).as("sd, dim %d", j).isCloseTo(sd, Offset.offset(0.04 * sd));
      for (double q : QUANTILES) {
        double value = percentile.evaluate(b, q);
        double share = Arrays.stream(a).filter(v -> v <= value).count() / (double) a.length;
        double p = q / 100;
        double tolerance = 4.5 * Math.sqrt(2 * p * (1 - p) / a.length);
        assertThat(share).as("share of samples below the reference %s%% quantile, dim %d", q, j)
            .isCloseTo(p, Offset.offset(tolerance));
      }
      assertThat(ks.kolmogorovSmirnovTest(a, b)).as("two-sample KS p-value, dim %d", j).isGreaterThan(1e-4);
    }
    assertThat(Arrays.stream(ours.data()).allMatch(Double::isFinite)).isTrue();
  }
}
