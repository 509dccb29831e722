package org.jsbi.examples;

import org.jsbi.api.Model;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;

/** jsbi from Java code: load the plugins, pick a model, simulate in parallel. */
public final class FromCode {
  private FromCode() {}

  public static SimulationSet simulateSir(int numSimulations, long seed) throws Exception {
    try (Registry registry = Plugins.load()) {       // the class path, plus $JSBI_PLUGINS
      Model model = registry.model("sir");
      SimulationSet sims = Simulations.run(model, numSimulations, seed); // all cores, same result on any count
      System.out.println(sims.summary());            // e.g. "1000 simulations: 1000 valid, 0 invalid (excluded)"
      return sims;
    }
  }

  public static void main(String[] args) throws Exception {
    simulateSir(1000, 42);
  }
}
