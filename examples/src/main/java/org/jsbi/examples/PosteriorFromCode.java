package org.jsbi.examples;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;

/** Neural posterior estimation from Java code: simulate, train, sample, save. */
public final class PosteriorFromCode {
  private PosteriorFromCode() {}

  public static PosteriorSamples twoMoons(int numSimulations, long seed, java.nio.file.Path saveTo)
      throws Exception {
    try (Registry registry = Plugins.load()) {
      Model model = registry.model("two-moons");
      SimulationSet sims = Simulations.run(model, numSimulations, seed);
      try (NpePosterior posterior = new Npe(model, registry.estimator("nsf"))
          .train(sims, TrainingConfig.defaults(seed))) {
        double[] xObserved = {-0.6396706, 0.16234657};
        PosteriorSamples samples = posterior.sample(10_000, xObserved, seed); // amortized: milliseconds
        System.out.printf("acceptance %.3f, MAP %s%n", samples.acceptanceRate(),
            java.util.Arrays.toString(posterior.map(xObserved, seed)));
        PosteriorStore.save(posterior, saveTo);                               // load it with PosteriorStore.load
        return samples;
      }
    }
  }
}
