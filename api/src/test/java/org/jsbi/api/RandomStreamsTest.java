package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.jsbi.api.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void sameSeedIndexAndPurposeGiveTheSameSequence() {
    RandomGenerator a = new RandomStreams(42).stream(7, Purpose.SIMULATOR);
    RandomGenerator b = new RandomStreams(42).stream(7, Purpose.SIMULATOR);
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
  }

  @Test
  void differentIndicesPurposesAndSeedsGiveDifferentSequences() {
    RandomStreams s = new RandomStreams(42);
    long base = s.stream(7, Purpose.SIMULATOR).nextLong();
    assertThat(s.stream(8, Purpose.SIMULATOR).nextLong()).isNotEqualTo(base);
    assertThat(s.stream(7, Purpose.PRIOR).nextLong()).isNotEqualTo(base);
    assertThat(new RandomStreams(43).stream(7, Purpose.SIMULATOR).nextLong()).isNotEqualTo(base);
  }

  @Test
  void neighbouringStreamsAreUncorrelated() {
    // The first uniforms of streams 0..n-1 and of streams 1..n should be independent: correlation ~ N(0, 1/n).
    RandomStreams s = new RandomStreams(1);
    int n = 20_000;
    double[] u = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      u[i] = s.stream(i, Purpose.SIMULATOR).nextDouble() - 0.5;
    }
    double c = 0;
    double v = 0;
    for (int i = 0; i < n; i++) {
      c += u[i] * u[i + 1];
      v += u[i] * u[i];
    }
    assertThat(Math.abs(c / v)).isLessThan(4 / Math.sqrt(n));
  }
}
