package org.jsbi.plugins.testing;

import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

/** The smallest simulator for tests: one parameter, returned unchanged as the one data value. */
public final class IdentitySimulator implements Simulator {
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
    return theta.clone();
  }
}
