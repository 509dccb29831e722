package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Model;
import org.jsbi.api.toolkit.SimulatorChecks;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.plugins.PluginLoader;
import org.junit.jupiter.api.Test;

/** What every registered simulator must satisfy; each task's test extends this. */
abstract class SimulatorContract {
  abstract String modelId();

  Model model() {
    return new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model(modelId());
  }

  @Test
  void priorDrawsGiveFiniteOutputOfTheDeclaredLength() {
    SimulationSet set = new SimulationRunner(SimulationOptions.defaults().withThreads(2)).run(model(), 2000, 1);
    assertThat(set.invalidCount()).isZero();
    assertThat(set.x().cols()).isEqualTo(model().dataDim());
  }

  /** The test kit that plugin authors use: names, prior, output length, hidden randomness, invalid share. */
  @Test
  void passesTheSimulatorChecks() {
    SimulatorChecks.Report report = SimulatorChecks.of(model()).maxInvalidShare(0).check();
    assertThat(report.usesGenerator()).as(report.toString()).isTrue();
  }
}
