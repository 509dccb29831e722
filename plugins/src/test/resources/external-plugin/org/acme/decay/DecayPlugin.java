package org.acme.decay;

import org.jsbi.api.Priors;
import org.jsbi.plugins.SbiPlugin;

/** A plugin as a user outside the project would write it; compiled and packaged by the tests. */
public final class DecayPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    model("acme-decay")
        .description("exponential decay observed at 5 times with Gaussian noise")
        .prior(Priors.boxUniform(1, 0.1, 2.0))
        .simulator(new DecaySimulator())
        .parameterNames("rate")
        .dataNames("y_0", "y_1", "y_2", "y_3", "y_4");
    model("acme-flaky")
        .description("a simulator that fails for rate > 1")
        .prior(Priors.boxUniform(1, 0.1, 2.0))
        .simulator(new FlakySimulator())
        .parameterNames("rate")
        .dataNames("y");
  }
}
