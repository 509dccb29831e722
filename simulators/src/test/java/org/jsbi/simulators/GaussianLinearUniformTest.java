package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaussianLinearUniformTest extends SimulatorContract {
  @Override
  String modelId() {
    return "gaussian-linear-uniform";
  }

  @Test
  void priorIsTheBoxMinusOneToOne() {
    assertThat(model().prior().inSupport(new double[] {1, -1, 0, 0, 0, 0, 0, 0, 0, 0})).isTrue();
    assertThat(model().prior().inSupport(new double[] {1.01, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isFalse();
    assertThat(model().prior().logDensity(new double[10])).isCloseTo(-10 * Math.log(2),
        org.assertj.core.data.Offset.offset(1e-12));
  }
}
