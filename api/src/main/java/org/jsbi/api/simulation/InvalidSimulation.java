package org.jsbi.api.simulation;

import java.util.Arrays;

/** A simulation that failed: its index, its θ and why. */
public record InvalidSimulation(long index, double[] theta, String reason) {
  public InvalidSimulation {
    theta = theta.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  @Override
  public String toString() {
    return "InvalidSimulation[index=" + index + ", theta=" + Arrays.toString(theta) + ", reason=" + reason + "]";
  }
}
