package org.acme.decay;

import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

public final class DecaySimulator implements Simulator {
  @Override
  public int parameterDim() {
    return 1;
  }

  @Override
  public int dataDim() {
    return 5;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double[] y = new double[5];
    for (int t = 0; t < 5; t++) {
      y[t] = Math.exp(-theta[0] * t) + 0.05 * rng.nextGaussian();
    }
    return y;
  }
}
