package org.jsbi.api.simulation;

/** What a simulation set does with rows whose simulation failed. Either way they are counted and reported. */
public enum InvalidPolicy {
  /** Leave invalid rows out of θ and x; they stay listed in {@link SimulationSet#invalid()}. */
  EXCLUDE,
  /** Keep invalid rows in θ and x, with x as returned (NaN/Inf) or all NaN when there was no usable output. */
  KEEP
}
