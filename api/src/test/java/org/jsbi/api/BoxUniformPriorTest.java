package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoxUniformPriorTest extends PriorContract {
  @Override
  Prior prior() {
    return Priors.boxUniform(new double[] {-1, 0}, new double[] {1, 4});
  }

  @Override
  double[] trueMean() {
    return new double[] {0, 2};
  }

  @Override
  double[] trueVariance() {
    return new double[] {4.0 / 12, 16.0 / 12};
  }

  @Test
  void densityIsOneOverVolumeInsideAndZeroOutside() {
    Prior p = prior();
    assertThat(p.logDensity(new double[] {0.5, 3})).isCloseTo(-Math.log(8), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(p.logDensity(new double[] {1.5, 3})).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(p.inSupport(new double[] {-1, 4})).isTrue();
    assertThat(p.inSupport(new double[] {Double.NaN, 1})).isFalse();
  }

  @Test
  void emptyIntervalIsRejected() {
    assertThatThrownBy(() -> Priors.boxUniform(2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upper[0]")
        .hasMessageContaining("above lower[0] = 1.0");
  }
}
