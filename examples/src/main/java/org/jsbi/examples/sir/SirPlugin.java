package org.jsbi.examples.sir;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.jsbi.api.Priors;
import org.jsbi.plugins.SbiPlugin;

/** Registers the SIR model. Listed in META-INF/services/org.jsbi.plugins.SbiPlugin. */
public final class SirPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    model("sir")
        .description("stochastic SIR epidemic (Gillespie), infected counted every 10 days")
        .prior(Priors.independent(
            new LogNormalDistribution(Math.log(0.4), 0.5),      // beta: infections per day
            new LogNormalDistribution(Math.log(1.0 / 8), 0.2))) // gamma: recoveries per day
        .simulator(new SirSimulator())
        .parameterNames("beta", "gamma")
        .dataNames("day_10", "day_20", "day_30", "day_40", "day_50",
            "day_60", "day_70", "day_80", "day_90", "day_100");
  }
}
