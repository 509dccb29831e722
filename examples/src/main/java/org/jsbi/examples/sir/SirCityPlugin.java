package org.jsbi.examples.sir;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.jsbi.api.Priors;
import org.jsbi.plugins.SbiPlugin;

/**
 * Registers {@code sir-city}: the SIR epidemic of {@link SirPlugin} in a population of 100,000, a few milliseconds
 * per simulation. It is the expensive simulator of the campaign-executor benchmark.
 */
public final class SirCityPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    model("sir-city")
        .description("the SIR epidemic in a population of 100,000: a few milliseconds per simulation")
        .prior(Priors.independent(
            new LogNormalDistribution(Math.log(0.4), 0.5),
            new LogNormalDistribution(Math.log(1.0 / 8), 0.2)))
        .simulator(new SirSimulator(100_000))
        .parameterNames("beta", "gamma")
        .dataNames("day_10", "day_20", "day_30", "day_40", "day_50",
            "day_60", "day_70", "day_80", "day_90", "day_100");
  }
}
