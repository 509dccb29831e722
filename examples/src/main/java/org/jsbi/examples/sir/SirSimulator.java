package org.jsbi.examples.sir;

import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

/**
 * A stochastic SIR epidemic, simulated exactly with Gillespie's algorithm: one random event at a time, so its cost
 * grows with the population. θ = (β, γ): infection and recovery rates per day. x = the number infected on days
 * 10, 20, …, 100.
 */
public final class SirSimulator implements Simulator {
  private static final int DAYS = 100;
  private static final int EVERY = 10;

  private final int population;

  public SirSimulator() {
    this(1000);
  }

  public SirSimulator(int population) {
    this.population = population;
  }

  @Override
  public int parameterDim() {
    return 2;
  }

  @Override
  public int dataDim() {
    return DAYS / EVERY;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double beta = theta[0];
    double gamma = theta[1];
    int s = population - 1;
    int i = 1;
    double t = 0;
    double[] infected = new double[dataDim()];
    int next = 0;
    while (next < infected.length) {
      double infection = beta * s * i / population;
      double recovery = gamma * i;
      double total = infection + recovery;
      double wait = total > 0 ? -Math.log(1 - rng.nextDouble()) / total : Double.POSITIVE_INFINITY;
      while (next < infected.length && t + wait > (next + 1) * EVERY) {
        infected[next++] = i; // the state holds until the next event
      }
      t += wait;
      if (total > 0 && rng.nextDouble() * total < infection) {
        s--;
        i++;
      } else if (total > 0) {
        i--;
      }
    }
    return infected;
  }
}
