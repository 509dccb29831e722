package org.jsbi.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

/** Each noise model's draws have its distribution's mean and variance, and come from the generator alone. */
class NoiseTest {
  private static final int N = 40_000;

  /** Checks the sample mean and variance against the analytic ones, within 5 standard errors. */
  private static void moments(ToDoubleFunction<RandomGenerator> draw, double mean, double variance) {
    RandomGenerator rng = new RandomStreams(9).single(RandomStreams.Purpose.SIMULATOR);
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < N; i++) {
      double v = draw.applyAsDouble(rng);
      sum += v;
      sumSq += v * v;
    }
    double m = sum / N;
    double var = sumSq / N - m * m;
    assertThat(m).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(variance / N)));
    assertThat(var / variance).isCloseTo(1, org.assertj.core.data.Offset.offset(0.06));
  }

  @Test
  void drawsHaveTheirDistributionsMoments() {
    moments(r -> Noise.normal(r, 2, 3), 2, 9);
    moments(r -> Noise.poisson(r, 4.5), 4.5, 4.5);
    moments(r -> Noise.binomial(r, 20, 0.3), 6, 20 * 0.3 * 0.7);
    moments(r -> Noise.negativeBinomial(r, 6, 3), 6, 6 + 36.0 / 3);
    moments(r -> Noise.logNormal(r, 0.1, 0.25), Math.exp(0.1 + 0.25 * 0.25 / 2),
        (Math.exp(0.25 * 0.25) - 1) * Math.exp(0.2 + 0.25 * 0.25));
    moments(r -> Noise.gamma(r, 3, 2), 6, 12);
    moments(r -> Noise.beta(r, 2, 5), 2.0 / 7, 10.0 / (49 * 8));
    moments(r -> Noise.studentT(r, 1, 2, 6), 1, 4 * 6.0 / 4);
    moments(r -> Noise.exponential(r, 0.5), 2, 4);
  }

  @Test
  void theSameStreamGivesTheSameDraws() {
    RandomGenerator a = new RandomStreams(4).stream(3, RandomStreams.Purpose.SIMULATOR);
    RandomGenerator b = new RandomStreams(4).stream(3, RandomStreams.Purpose.SIMULATOR);
    for (int i = 0; i < 100; i++) {
      assertThat(Noise.poisson(a, 3)).isEqualTo(Noise.poisson(b, 3));
      assertThat(Noise.logNormal(a, 0, 1)).isEqualTo(Noise.logNormal(b, 0, 1));
      assertThat(Noise.binomial(a, 10, 0.4)).isEqualTo(Noise.binomial(b, 10, 0.4));
    }
  }

  @Test
  void parametersOutsideTheDomainThrowWithTheirValue() {
    RandomGenerator rng = new RandomStreams(1).single(RandomStreams.Purpose.SIMULATOR);
    assertThatThrownBy(() -> Noise.normal(rng, 0, -1)).hasMessage("normal: expected a finite mean and a positive "
        + "sd, got 0.0 and -1.0");
    assertThatThrownBy(() -> Noise.negativeBinomial(rng, 0, 2)).hasMessage("negativeBinomial: expected a positive "
        + "mean, got 0.0");
    assertThatThrownBy(() -> Noise.poisson(rng, -2)).hasMessageContaining("-2");
  }
}
