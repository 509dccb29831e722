package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
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

  @Test
  void sameStreamGivesTheSameOutput() {
    Model m = model();
    double[] theta = m.prior().sample(new RandomStreams(3).stream(0, RandomStreams.Purpose.PRIOR));
    double[] a = m.simulator().simulate(theta, new RandomStreams(3).stream(0, RandomStreams.Purpose.SIMULATOR));
    double[] b = m.simulator().simulate(theta, new RandomStreams(3).stream(0, RandomStreams.Purpose.SIMULATOR));
    assertThat(a).containsExactly(b);
  }

  @Test
  void parallelRunEqualsSerialRun() {
    SimulationSet one = new SimulationRunner(SimulationOptions.defaults().withThreads(1)).run(model(), 1000, 5);
    SimulationSet two = new SimulationRunner(SimulationOptions.defaults().withThreads(2)).run(model(), 1000, 5);
    assertThat(two.x()).isEqualTo(one.x());
  }
}
