package org.jsbi.inference.npe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.jsbi.api.Batch;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Many observations are sampled together, each as if alone: its draws depend on its row and the seed only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchedSamplingTest {
  private static final double[] A = {-0.6396706, 0.16234657};
  private static final double[] B = {0.3, -0.2};
  private static final double[] C = {0.05, 0.4};
  private Registry registry;
  private NpePosterior posterior;

  @BeforeAll
  void train() {
    registry = Plugins.load();
    posterior = TwoMoonsMaf.train(registry);
  }

  @AfterAll
  void close() {
    posterior.close();
  }

  @Test
  void anObservationsDrawsDoNotDependOnItsCompanions() {
    List<PosteriorSamples> ab = posterior.sample(500, Batch.of(A, B), 11);
    List<PosteriorSamples> ac = posterior.sample(500, Batch.of(A, C), 11);
    List<PosteriorSamples> a = posterior.sample(500, Batch.of(A), 11);
    // equal up to float32 rounding: TensorFlow's sums may group differently at another batch size
    assertThat(ab.get(0).samples().data()).containsExactly(ac.get(0).samples().data(), within(1e-5));
    assertThat(ab.get(0).samples().data()).containsExactly(a.get(0).samples().data(), within(1e-5));
    double maxDiff = 0;
    for (int i = 0; i < a.get(0).samples().data().length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(ab.get(0).samples().data()[i] - a.get(0).samples().data()[i]));
    }
    System.out.println("largest difference between observation A's draws alone and beside B: " + maxDiff);
    assertThat(ab.get(0).proposed()).isEqualTo(a.get(0).proposed());
    assertThat(ab.get(1).samples()).isNotEqualTo(ac.get(1).samples());
  }

  /**
   * A posterior that reports its progress draws exactly what it draws silently (the calls of q go in the
   * estimator's own chunks either way), and its reports rise to every draw asked for.
   */
  @Test
  void reportingProgressChangesNoDraw() {
    List<long[]> reports = new java.util.ArrayList<>();
    NpePosterior tracked = posterior.withProgress((done, total) -> reports.add(new long[] {done, total}));
    int n = 9000; // more than one chunk of 8,192 rows for each observation
    List<PosteriorSamples> quiet = posterior.sample(n, Batch.of(A, B), 3);
    List<PosteriorSamples> loud = tracked.sample(n, Batch.of(A, B), 3);
    for (int k = 0; k < 2; k++) {
      assertThat(loud.get(k).samples()).isEqualTo(quiet.get(k).samples());
    }
    assertThat(reports.size()).isGreaterThanOrEqualTo(3);
    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
    }
    assertThat(reports.get(reports.size() - 1)).containsExactly(2L * n, 2L * n);
    assertThat(posterior.as(org.jsbi.inference.ProgressReporting.class)).isPresent();
  }

  @Test
  void batchedDrawsFollowTheSameDistributionAsSingleOnesInsideTheSupport() {
    int n = 4000;
    List<PosteriorSamples> batched = posterior.sample(n, Batch.of(B, A, C), 5);
    Batch single = posterior.sample(n, A, 99).samples();
    Batch fromBatch = batched.get(1).samples();
    assertThat(fromBatch.rows()).isEqualTo(n);
    for (int j = 0; j < 2; j++) {
      double[] s = single.column(j);
      double[] b = fromBatch.column(j);
      double se = Math.sqrt(2.0 / n) * new StandardDeviation().evaluate(s);
      assertThat(new Mean().evaluate(b)).isCloseTo(new Mean().evaluate(s), within(4 * se));
      for (double v : b) {
        assertThat(v).isBetween(-1.0, 1.0);
      }
    }
    assertThat(batched.get(1).acceptanceRate()).isCloseTo(posterior.acceptanceRate(A), within(0.05));
  }

  @Test
  void oneObservationsSamplesAreTheFirstOfABatchWithTheSameSeed() {
    PosteriorSamples single = posterior.sample(700, A, 23);
    PosteriorSamples first = posterior.sample(700, Batch.of(A), 23).get(0);
    assertThat(single.samples()).isEqualTo(first.samples());
    assertThat(single.proposed()).isEqualTo(first.proposed());
  }
}
