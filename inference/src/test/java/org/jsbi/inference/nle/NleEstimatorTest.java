package org.jsbi.inference.nle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsbi.api.Model;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

/** NLE takes a likelihood estimator only if it has a log-density that MCMC can afford. */
class NleEstimatorTest {
  @Test
  void anEstimatorWhoseLogDensityIsAnOdeIsRefusedBeforeTraining() throws Exception {
    try (Registry registry = Plugins.load()) {
      Model model = registry.model("two-moons");
      assertThatThrownBy(() -> new Nle(model, registry.estimator("fmpe")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("estimator: NLE samples its posterior by MCMC, which evaluates the learned likelihood "
              + "thousands of times, and the log-density of flow matching integrates an ODE on every call (minutes "
              + "for 1,000 draws); use maf, nsf or coupling for NLE");
      assertThatThrownBy(() -> new Nle(model, registry.estimator("npse")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the log-density of score-based diffusion (VP) integrates an ODE on every call");
      assertThatThrownBy(() -> new Nle(model, registry.estimator("gatsbi")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("estimator: NLE needs a learned likelihood with a log-density, and generative adversarial "
              + "posterior draws samples only; use maf, nsf or coupling for NLE");
      assertThatThrownBy(() -> new Nle(model, registry.estimator("ratio")))
          .hasMessageStartingWith("estimator: NLE needs a learned likelihood of x, and ratio classifier learns a "
              + "ratio; use it with a ratio method");
      assertThatThrownBy(() -> new org.jsbi.inference.npe.Npe(model, registry.estimator("ratio")))
          .hasMessageStartingWith("estimator: NPE draws θ from a conditional density estimator, and ratio classifier "
              + "draws nothing");
      new Nle(model, registry.estimator("maf")); // a flow is taken
    }
  }
}
