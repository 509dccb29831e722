package org.jsbi.inference.nle;

import java.util.Objects;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;
import org.jsbi.api.posterior.TrainingRecord;

/**
 * Neural likelihood estimation (Papamakarios et al. 2019): fit a conditional density q(x | θ) to simulated pairs.
 * The result is a surrogate simulator ({@link NlePosterior#surrogate()}) and, with MCMC on
 * log q(x_o | θ) + log p(θ), a posterior for any observation.
 *
 * <pre>{@code
 * NlePosterior posterior = new Nle(model, registry.estimator("nsf")).train(sims, TrainingConfig.defaults(seed));
 * PosteriorSamples s = posterior.sample(10_000, xObserved, seed);
 * }</pre>
 */
public final class Nle {
  private final Model model;
  private final EstimatorFactory estimator;
  private TrainingListener listener = TrainingListener.NONE;
  private McmcSettings settings = McmcSettings.defaults();
  private Mcmc.Method method = Mcmc.Method.SLICE;
  private NlePosterior from;

  public Nle(Model model, EstimatorFactory estimator) {
    this.model = Objects.requireNonNull(model, "model");
    this.estimator = checkLikelihood(Objects.requireNonNull(estimator, "estimator"), "estimator: ");
  }

  /**
   * Refuses an estimator whose log-density is too costly for MCMC's thousands of calls.
   *
   * @param argument what the message starts with, naming the argument (e.g. "estimator: ")
   * @throws IllegalArgumentException naming it and saying why
   */
  static EstimatorFactory checkLikelihood(EstimatorFactory estimator, String argument) {
    if (estimator.ratio()) {
      throw new IllegalArgumentException(argument + "NLE needs a learned likelihood of x, and "
          + estimator.description().split(":")[0] + " learns a ratio; use it with a ratio method (nre-a, nre-b, "
          + "nre-c, bnre), or maf, nsf or coupling for NLE");
    }
    if (!estimator.hasLogProb()) {
      throw new IllegalArgumentException(argument + "NLE needs a learned likelihood with a log-density, and "
          + estimator.description().split(":")[0] + " draws samples only; use maf, nsf or coupling for NLE");
    }
    if (!estimator.cheapLogProb()) {
      throw new IllegalArgumentException(argument + "NLE samples its posterior by MCMC, which evaluates the learned "
          + "likelihood thousands of times, and the log-density of " + estimator.description().split(":")[0]
          + " integrates an ODE on every call (minutes for 1,000 draws); use maf, nsf or coupling for NLE");
    }
    return estimator;
  }

  /** Receives one call per training epoch. */
  public Nle listener(TrainingListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** The MCMC sampler and its settings (default: the vectorized slice sampler, {@link McmcSettings#defaults()}). */
  public Nle mcmc(Mcmc.Method method, McmcSettings settings) {
    this.method = Objects.requireNonNull(method, "method");
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /**
   * A warm start: training continues {@code from}'s likelihood estimator (of the kind this Nle's factory trains)
   * from its weights, with its standardization kept fixed, instead of starting afresh.
   */
  public Nle warmStart(NlePosterior from) {
    if (!from.model().id().equals(model.id())) {
      throw new IllegalArgumentException("from: expected a posterior of model '" + model.id() + "', got one of '"
          + from.model().id() + "'");
    }
    this.from = from;
    return this;
  }

  /** Trains q(x | θ) on the valid rows of {@code sims}. */
  public NlePosterior train(SimulationSet sims, TrainingConfig config) {
    config = config.resolvedFor(estimator);
    TrainingRecord record = TrainingRecord.of(model, sims, config);
    ConditionalDensityEstimator q = from == null ? estimator.train(sims.x(), sims.theta(), config, listener)
        : estimator.continueTraining(from.estimator(), sims.x(), sims.theta(), config, listener);
    return new NlePosterior(model, q, record, method, settings);
  }
}
