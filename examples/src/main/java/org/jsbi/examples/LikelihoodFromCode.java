package org.jsbi.examples;

import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.Mmd;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;

/** Neural likelihood estimation from Java code: a fast surrogate simulator, MCMC posterior samples, a check. */
public final class LikelihoodFromCode {
  private LikelihoodFromCode() {}

  public static McmcResult twoMoons(int numSimulations, long seed) throws Exception {
    try (Registry registry = Plugins.load()) {
      Model model = registry.model("two-moons");
      try (NlePosterior posterior = new Nle(model, registry.estimator("maf"))
          .train(Simulations.run(model, numSimulations, seed), TrainingConfig.defaults(seed))) {
        // The learned likelihood q(x | θ) is a simulator in its own right, usable wherever a model is.
        Model surrogate = Model.builder("two-moons-surrogate").prior(model.prior())
            .simulator(posterior.surrogate()).build();
        Batch fast = Simulations.run(surrogate, 1000, seed).x();

        // Posterior samples by MCMC on log q(x_o | θ) + log p(θ), with R-hat and ESS.
        double[] xObserved = {-0.6396706, 0.16234657};
        McmcResult run = posterior.mcmc(1000, Batch.of(xObserved), seed);
        System.out.println(run.summary());
        run.warnings().forEach(System.out::println);

        // Could the (surrogate) model have produced the observation? MMD against its simulations.
        CheckResult mmd = Mmd.test(Batch.of(xObserved), fast, seed);
        System.out.printf("MMD p-value %.3f%n", mmd.pValue());
        return run;
      }
    }
  }
}
