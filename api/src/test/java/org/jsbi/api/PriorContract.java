package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Prior} must satisfy. Each implementation's test extends this and supplies the prior and its
 * true mean and variance per dimension, taken from the distribution's definition.
 */
abstract class PriorContract {
  static final int N = 40_000;

  abstract Prior prior();

  abstract double[] trueMean();

  abstract double[] trueVariance();

  @Test
  void samplesHaveTheRightDimensionAndLieInTheSupport() {
    Prior prior = prior();
    Batch s = prior.sample(1000, new RandomStreams(1).single(RandomStreams.Purpose.PRIOR));
    assertThat(s.cols()).isEqualTo(prior.dim());
    for (int i = 0; i < s.rows(); i++) {
      assertThat(prior.inSupport(s.row(i))).isTrue();
      assertThat(prior.logDensity(s.row(i))).isFinite();
    }
  }

  @Test
  void sampleMomentsMatchTheDistribution() {
    Prior prior = prior();
    Batch s = prior.sample(N, new RandomStreams(2).single(RandomStreams.Purpose.PRIOR));
    double[] mean = trueMean();
    double[] var = trueVariance();
    for (int j = 0; j < prior.dim(); j++) {
      double[] col = s.column(j);
      double m = Arrays.stream(col).average().orElseThrow();
      double v = Arrays.stream(col).map(c -> (c - m) * (c - m)).sum() / (N - 1);
      double se = Math.sqrt(var[j] / N);
      assertThat(m).as("mean of dim %d", j).isCloseTo(mean[j], org.assertj.core.data.Offset.offset(5 * se));
      assertThat(v).as("variance of dim %d", j).isCloseTo(var[j], org.assertj.core.data.Percentage.withPercentage(5));
    }
  }

  @Test
  void sameSeedGivesSameSamples() {
    Prior prior = prior();
    Batch a = prior.sample(50, new RandomStreams(9).single(RandomStreams.Purpose.PRIOR));
    Batch b = prior.sample(50, new RandomStreams(9).single(RandomStreams.Purpose.PRIOR));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void wrongLengthThetaIsRejectedWithExpectedAndActual() {
    Prior prior = prior();
    assertThatThrownBy(() -> prior.logDensity(new double[prior.dim() + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta")
        .hasMessageContaining("expected length " + prior.dim())
        .hasMessageContaining("got " + (prior.dim() + 1));
  }

  @Test
  void describesItself() {
    assertThat(prior().describe()).isNotBlank();
  }
}
