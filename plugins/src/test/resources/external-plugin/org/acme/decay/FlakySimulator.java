package org.acme.decay;

import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

/** Fails in three ways above rate 1: NaN, an exception, or the wrong length. */
public final class FlakySimulator implements Simulator {
  @Override
  public int parameterDim() {
    return 1;
  }

  @Override
  public int dataDim() {
    return 1;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double u = rng.nextDouble();
    if (theta[0] <= 1) {
      return new double[] {u};
    }
    if (u < 1.0 / 3) {
      return new double[] {Double.NaN};
    }
    if (u < 2.0 / 3) {
      throw new IllegalStateException("solver diverged");
    }
    return new double[] {u, u};
  }
}
