package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

class C2stTest {
  static Batch normal(int n, int d, double shift, long seed) {
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
    Batch b = Batch.zeros(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        b.set(i, j, (j == 0 ? shift : 0) + rng.nextGaussian());
      }
    }
    return b;
  }

  @Test
  void samplesFromTheSameDistributionScoreAboutOneHalf() {
    double score = C2st.score(normal(2000, 2, 0, 1), normal(2000, 2, 0, 2), 7);
    assertThat(score).isBetween(0.46, 0.54);
  }

  @Test
  void shiftedGaussiansScoreTheBayesOptimalAccuracy() {
    // Two unit-variance Gaussians whose means differ by 1: the best possible accuracy is Φ(1/2) = 0.691.
    double bayes = new NormalDistribution().cumulativeProbability(0.5);
    double score = C2st.score(normal(3000, 2, 1, 3), normal(3000, 2, 0, 4), 7);
    assertThat(score).isCloseTo(bayes, Offset.offset(0.03));
  }

  @Test
  void aPartialLastMinibatchIsTrainedOnToo() {
    // 6,002 rows in folds of 1,202 and 4 × 1,200: one fold trains on 4,800 rows (whole minibatches of 200), the
    // other four on 4,802, so their epochs end with a minibatch of 2. Both kinds of classifier graph run.
    double bayes = new NormalDistribution().cumulativeProbability(0.5);
    double score = C2st.score(normal(3001, 2, 1, 3), normal(3001, 2, 0, 4), 7);
    assertThat(score).isCloseTo(bayes, Offset.offset(0.03));
  }

  @Test
  void isReproducibleFromTheSeed() {
    Batch a = normal(500, 2, 0.5, 5);
    Batch b = normal(500, 2, 0, 6);
    assertThat(C2st.score(a, b, 3)).isEqualTo(C2st.score(a, b, 3));
  }

  @Test
  void mismatchedDimensionsAreRejected() {
    assertThatThrownBy(() -> C2st.score(normal(100, 2, 0, 1), normal(100, 3, 0, 1), 1))
        .hasMessageContaining("samples: expected 3 columns, got 2");
  }
}
