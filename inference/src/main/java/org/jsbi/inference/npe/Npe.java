package org.jsbi.inference.npe;

import java.util.Objects;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.posterior.SamplingLimits;
import org.jsbi.api.simulation.SimulationSet;

/**
 * Neural posterior estimation (Papamakarios and Murray 2016; Greenberg et al. 2019): fit a conditional density
 * q(θ | x) to simulated pairs, which then is an amortized posterior for any observation.
 *
 * <pre>{@code
 * NpePosterior posterior = new Npe(model, registry.estimator("maf")).train(sims, TrainingConfig.defaults(seed));
 * PosteriorSamples s = posterior.sample(10_000, xObserved, seed);
 * }</pre>
 */
public final class Npe {
  private final Model model;
  private final EstimatorFactory estimator;
  private TrainingListener listener = TrainingListener.NONE;
  private SamplingLimits limits = SamplingLimits.defaults();

  public Npe(Model model, EstimatorFactory estimator) {
    this.model = Objects.requireNonNull(model, "model");
    this.estimator = Objects.requireNonNull(estimator, "estimator");
  }

  /** Receives one call per training epoch. */
  public Npe listener(TrainingListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Caps for the posterior's rejection sampling. */
  public Npe limits(SamplingLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** Trains q(θ | x) on the valid rows of {@code sims}. */
  public NpePosterior train(SimulationSet sims, TrainingConfig config) {
    Objects.requireNonNull(sims, "sims");
    if (sims.theta().cols() != model.parameterDim() || sims.x().cols() != model.dataDim()) {
      throw new IllegalArgumentException("sims: expected θ with " + model.parameterDim() + " and x with "
          + model.dataDim() + " columns for model '" + model.id() + "', got " + sims.theta().cols() + " and "
          + sims.x().cols());
    }
    if (sims.size() < 10) {
      throw new IllegalArgumentException("sims: expected at least 10 valid simulations to train on, got "
          + sims.size() + " (" + sims.summary() + ")");
    }
    ConditionalDensityEstimator q = estimator.train(sims.theta(), sims.x(), config, listener);
    return new NpePosterior(model, q, new TrainingRecord(sims.size(), sims.invalidCount(), sims.seed(), config),
        limits);
  }
}
