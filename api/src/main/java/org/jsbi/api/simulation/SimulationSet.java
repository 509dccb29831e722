package org.jsbi.api.simulation;

import java.util.List;
import java.util.Objects;
import org.jsbi.api.Batch;

/**
 * The result of a simulation run: θ and x as aligned rows, the simulation index of each row, and every invalid
 * simulation with its reason. Under {@link InvalidPolicy#EXCLUDE} invalid rows are absent from θ and x but still
 * listed in {@link #invalid()}.
 */
public record SimulationSet(
    long seed,
    int numSimulations,
    List<String> parameterNames,
    List<String> dataNames,
    Batch theta,
    Batch x,
    int[] indices,
    List<InvalidSimulation> invalid,
    InvalidPolicy policy) {

  public SimulationSet {
    Objects.requireNonNull(theta, "theta");
    Objects.requireNonNull(x, "x");
    if (theta.rows() != x.rows() || indices.length != theta.rows()) {
      throw new IllegalArgumentException("theta, x and indices: expected the same number of rows, got "
          + theta.rows() + ", " + x.rows() + " and " + indices.length);
    }
    parameterNames = List.copyOf(parameterNames);
    dataNames = List.copyOf(dataNames);
    invalid = List.copyOf(invalid);
  }

  /** Rows in θ and x. */
  public int size() {
    return theta.rows();
  }

  public int validCount() {
    return numSimulations - invalid.size();
  }

  public int invalidCount() {
    return invalid.size();
  }

  /** A one-line account, e.g. {@code 1000 simulations: 998 valid, 2 invalid (excluded)}. */
  public String summary() {
    return summary(numSimulations, invalidCount(), policy);
  }

  /** The account of {@link #summary()} for a run of {@code numSimulations} with {@code invalid} invalid ones. */
  public static String summary(long numSimulations, long invalid, InvalidPolicy policy) {
    return numSimulations + " simulations: " + (numSimulations - invalid) + " valid, " + invalid + " invalid ("
        + (policy == InvalidPolicy.KEEP ? "kept" : "excluded") + ")";
  }
}
