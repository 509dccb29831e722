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
    TrainingRecord record = TrainingRecord.of(model, sims, config);
    ConditionalDensityEstimator q = estimator.train(sims.theta(), sims.x(), config, listener);
    return new NpePosterior(model, q, record,
        limits);
  }
}
