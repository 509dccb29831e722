package org.jsbi.api.simulation;

import java.io.IOException;

/**
 * Receives a simulation run block by block, in index order, so that a run of any size streams through bounded
 * memory: each block is a {@link SimulationSet} of consecutive indices, with its invalid simulations.
 */
@FunctionalInterface
public interface SimulationSink {
  void accept(SimulationSet block) throws IOException;
}
