package org.jsbi.inference.npe;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.plugins.Registry;

/** The small NPE posterior several tests share: `maf` on 1,000 two-moons simulations, 15 epochs, original θ space. */
final class TwoMoonsMaf {
  private TwoMoonsMaf() {}

  static NpePosterior train(Registry registry) {
    Model model = registry.model("two-moons");
    return new Npe(model, registry.estimator("maf")).thetaSpace(ThetaSpace.ORIGINAL)
        .train(Simulations.run(model, 1000, 1), TrainingConfig.defaults(1).withMaxEpochs(15));
  }
}
