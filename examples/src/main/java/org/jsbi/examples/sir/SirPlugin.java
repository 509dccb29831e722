package org.jsbi.examples.sir;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.jsbi.api.Priors;
import org.jsbi.plugins.SbiPlugin;

/**
 * Registers the SIR models: {@code sir} in a town of 1,000 and {@code sir-city} in a city of 100,000, whose
 * simulations cost milliseconds each (the expensive simulator of the executor and surrogate benchmarks). Listed in
 * META-INF/services/org.jsbi.plugins.SbiPlugin.
 */
public final class SirPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    sir("sir", "stochastic SIR epidemic (Gillespie) in a population of 1,000, infected counted every 10 days",
        new SirSimulator());
    sir("sir-city", "the same epidemic in a population of 100,000: a few milliseconds per simulation",
        new SirSimulator(100_000));
  }

  private void sir(String id, String description, SirSimulator simulator) {
    model(id)
        .description(description)
        .prior(Priors.independent(
            new LogNormalDistribution(Math.log(0.4), 0.5),      // beta: infections per day
            new LogNormalDistribution(Math.log(1.0 / 8), 0.2))) // gamma: recoveries per day
        .simulator(simulator)
        .parameterNames("beta", "gamma")
        .dataNames("day_10", "day_20", "day_30", "day_40", "day_50",
            "day_60", "day_70", "day_80", "day_90", "day_100");
  }
}
