package org.jsbi.simulators;

import org.jsbi.api.DataShape;
import org.jsbi.api.Priors;
import org.jsbi.api.toolkit.Trials;
import org.jsbi.plugins.SbiPlugin;

/**
 * The six sbibm reference tasks (Lueckmann et al. 2021, "Benchmarking Simulation-Based Inference"), and a stress
 * test with high-dimensional x, registered through the same plugin API a user writes against.
 */
public final class SbibmPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    model("gaussian-linear")
        .description("10-d Gaussian with a Gaussian prior; analytic posterior N(0.5 x, 0.05 I)")
        .prior(Priors.isotropicNormal(GaussianLinear.DIM, 0, GaussianLinear.PRIOR_VARIANCE))
        .simulator(new GaussianLinear())
        .parameterNames(names("parameter", GaussianLinear.DIM))
        .dataNames(names("data", GaussianLinear.DIM))
        .referencePosterior(new GaussianLinear.NormalPriorPosterior());
    model("gaussian-linear-uniform")
        .description("10-d Gaussian with a uniform prior on [-1, 1]^10; truncated-normal posterior")
        .prior(Priors.boxUniform(GaussianLinear.DIM, -1, 1))
        .simulator(new GaussianLinear())
        .parameterNames(names("parameter", GaussianLinear.DIM))
        .dataNames(names("data", GaussianLinear.DIM))
        .referencePosterior(new GaussianLinear.UniformPriorPosterior());
    model("slcp")
        .description("simple likelihood, complex posterior: 4 draws of a 2-d Gaussian; four-mode posterior")
        .prior(Priors.boxUniform(5, -3, 3))
        .simulator(new Slcp())
        .parameterNames(names("parameter", 5))
        .dataNames(names("data", 8));
    model("two-moons")
        .description("2-d crescent-shaped likelihood; bimodal crescent posterior, exactly sampleable")
        .prior(Priors.boxUniform(2, -1, 1))
        .simulator(new TwoMoons())
        .parameterNames(names("parameter", 2))
        .dataNames(names("data", 2))
        .referencePosterior(new TwoMoons.Posterior());
    model("gaussian-mixture")
        .description("2-d mixture of a broad and a narrow Gaussian sharing a mean; prior on [-10, 10]^2")
        .prior(Priors.boxUniform(2, -GaussianMixture.BOUND, GaussianMixture.BOUND))
        .simulator(new GaussianMixture())
        .parameterNames(names("parameter", 2))
        .dataNames(names("data", 2))
        .referencePosterior(new GaussianMixture.Posterior());
    model("bernoulli-glm")
        .description("Bernoulli GLM of a spiking neuron, 10 parameters; x = sufficient statistics X^T y")
        .prior(Priors.normalWithPrecision(new double[BernoulliGlm.DIM], BernoulliGlm.priorPrecision()))
        .simulator(new BernoulliGlm())
        .parameterNames(names("parameter", BernoulliGlm.DIM))
        .dataNames(names("data", BernoulliGlm.DIM));
    stressTests();
  }

  /**
   * Tasks beyond sbibm's, with exact posteriors, that stress one difficulty each: high-dimensional x of which most
   * carries nothing about θ; a posterior narrow against its prior; data that are a time series; data that are a set
   * of any number of trials; an image.
   */
  private void stressTests() {
    String[] names = names("data", GaussianLinear.DIM + 90);
    model("gaussian-linear-distractors")
        .description("gaussian-linear's 10 outputs plus 90 heavy-tailed distractors (Student-t, 2 d.o.f.) "
            + "independent of θ; the same analytic posterior")
        .prior(Priors.isotropicNormal(GaussianLinear.DIM, 0, GaussianLinear.PRIOR_VARIANCE))
        .simulator(new Distractors(90))
        .parameterNames(names("parameter", GaussianLinear.DIM))
        .dataNames(names)
        .referencePosterior(new Distractors.Posterior());
    String[] days = new String[LogisticGrowth.DAYS];
    for (int d = 0; d < days.length; d++) {
      days[d] = "day_" + (d + 1);
    }
    model("logistic-growth")
        .description("logistic-growth ODE seen on days 1-20 with 1% log-normal noise: a posterior narrow against its "
            + "prior; exact, by a zooming grid")
        .prior(Priors.boxUniform(LogisticGrowth.LOWER, LogisticGrowth.UPPER))
        .simulator(new LogisticGrowth())
        .parameterNames("r", "K")
        .dataNames(days)
        .referencePosterior(new LogisticGrowth.Posterior());
    model("ornstein-uhlenbeck")
        .description("Ornstein-Uhlenbeck process seen at 100 unit steps from its stationary start: a time series; "
            + "θ = (mean reversion κ, noise scale σ); exact posterior by a zooming grid on its AR(1) likelihood")
        .prior(Priors.boxUniform(OrnsteinUhlenbeck.LOWER, OrnsteinUhlenbeck.UPPER))
        .simulator(new OrnsteinUhlenbeck())
        .data(DataShape.sequence(OrnsteinUhlenbeck.STEPS, 1))
        .parameterNames("kappa", "sigma")
        .dataNames("x")
        .referencePosterior(new OrnsteinUhlenbeck.Posterior());
    model("gaussian-blob")
        .description("a 16 x 16 image of a Gaussian blob (width 2 px, peak 20 counts, background 1) at θ = (x, y), "
            + "with Poisson noise; exact posterior by a zooming grid on its likelihood")
        .prior(Priors.boxUniform(GaussianBlob.LOWER, GaussianBlob.UPPER))
        .simulator(new GaussianBlob())
        .data(DataShape.image(GaussianBlob.SIZE, GaussianBlob.SIZE, 1))
        .parameterNames("x", "y")
        .dataNames("counts")
        .referencePosterior(new GaussianBlob.Posterior());
    model("gaussian-trials")
        .description("1 to 50 i.i.d. trials x ~ N(θ, I₂), θ ~ N(0, I₂): data that are a set; analytic posterior "
            + "N(N x̄ / (N + 1), I / (N + 1)) for every N")
        .prior(Priors.isotropicNormal(GaussianTrials.DIM, 0, 1))
        .simulator(Trials.of(new GaussianTrials(), GaussianTrials.MIN_TRIALS, GaussianTrials.MAX_TRIALS))
        .parameterNames("theta_1", "theta_2")
        .dataNames("x_1", "x_2")
        .referencePosterior(new GaussianTrials.Posterior());
  }

  /** sbibm's column names, e.g. parameter_1 … parameter_10, so its files plug in directly. */
  private static String[] names(String stem, int dim) {
    String[] out = new String[dim];
    for (int i = 0; i < dim; i++) {
      out[i] = stem + "_" + (i + 1);
    }
    return out;
  }
}
