package org.jsbi.api.simulation;

import org.jsbi.api.Model;

/** Shortcuts for the common case: all cores, invalid rows excluded. */
public final class Simulations {
  private Simulations() {}

  /** Simulates {@code numSimulations} pairs from the model's prior and simulator, on all cores. */
  public static SimulationSet run(Model model, int numSimulations, long seed) {
    return new SimulationRunner(SimulationOptions.defaults()).run(model, numSimulations, seed);
  }
}
