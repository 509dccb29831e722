package org.jsbi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

class SirPluginTest {
  @Test
  void exampleFromCodeSimulatesTheSirPluginFoundOnTheClassPath() throws Exception {
    SimulationSet sims = FromCode.simulateSir(500, 42);
    assertThat(sims.size()).isEqualTo(500);
    assertThat(sims.invalidCount()).isZero();
    assertThat(sims.parameterNames()).containsExactly("beta", "gamma");
    double[] all = sims.x().data();
    assertThat(Arrays.stream(all).allMatch(v -> v >= 0 && v <= 1000 && v == Math.rint(v))).isTrue();
  }

  @Test
  void epidemicsGrowWhenTheReproductionNumberIsHighAndDieOutWhenLow() throws Exception {
    try (Registry registry = Plugins.load()) {
      Model sir = registry.model("sir");
      org.jsbi.api.RandomStreams streams = new org.jsbi.api.RandomStreams(1);
      double peakHigh = 0;
      double peakLow = 0;
      for (int k = 0; k < 200; k++) {
        double[] high = sir.simulator().simulate(new double[] {0.8, 0.1}, streams.stream(k, org.jsbi.api.RandomStreams.Purpose.SIMULATOR));
        double[] low = sir.simulator().simulate(new double[] {0.05, 0.2}, streams.stream(k, org.jsbi.api.RandomStreams.Purpose.SIMULATOR));
        peakHigh += Arrays.stream(high).max().orElseThrow() / 200;
        peakLow += Arrays.stream(low).max().orElseThrow() / 200;
      }
      assertThat(peakHigh).isGreaterThan(200); // R0 = 8: most runs take off
      assertThat(peakLow).isLessThan(2); // R0 = 0.25: the single case recovers
    }
  }
}
