package org.jsbi.inference.npe;

import org.jsbi.api.posterior.TrainingRecord;
import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.posterior.SamplingLimits;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.inference.density.DensityObjective;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.api.UnconstrainedSpace;

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
  private ThetaSpace thetaSpace = ThetaSpace.AUTO;
  private NpePosterior from;

  public Npe(Model model, EstimatorFactory estimator) {
    this.model = Objects.requireNonNull(model, "model");
    this.estimator = checkDensity(Objects.requireNonNull(estimator, "estimator"), "estimator: ");
  }

  /** Refuses a ratio classifier, which draws nothing, in one line that starts with {@code argument}. */
  static EstimatorFactory checkDensity(EstimatorFactory estimator, String argument) {
    if (estimator.ratio()) {
      throw new IllegalArgumentException(argument + "NPE draws θ from a conditional density estimator, and "
          + estimator.description().split(":")[0] + " draws nothing; use it with a ratio method (nre-a, nre-b, "
          + "nre-c, bnre), or an estimator such as nsf for NPE");
    }
    return estimator;
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

  /** The space in which q is fitted; see {@link ThetaSpace}. Default {@link ThetaSpace#AUTO}. */
  public Npe thetaSpace(ThetaSpace thetaSpace) {
    this.thetaSpace = Objects.requireNonNull(thetaSpace, "thetaSpace");
    return this;
  }

  /**
   * A warm start: training continues {@code from}'s estimator (of the kind this Npe's factory trains) from its
   * weights, with its standardization kept fixed, in its θ space, instead of starting afresh. For new simulations
   * of the same model, e.g. a second round or a larger budget.
   */
  public Npe warmStart(NpePosterior from) {
    if (!from.model().id().equals(model.id())) {
      throw new IllegalArgumentException("from: expected a posterior of model '" + model.id() + "', got one of '"
          + from.model().id() + "'");
    }
    this.from = from;
    this.thetaSpace = from.thetaSpace();
    return this;
  }

  /** Trains q(θ | x) on the valid rows of {@code sims}. */
  public NpePosterior train(SimulationSet sims, TrainingConfig config) {
    config = config.resolvedFor(estimator);
    TrainingRecord record = TrainingRecord.of(model, sims, config);
    if (thetaSpace == ThetaSpace.ORIGINAL) {
      return new NpePosterior(model, fit(sims.theta(), sims.x(), null, config), record, thetaSpace, limits);
    }
    if (thetaSpace == ThetaSpace.TRUNCATED || thetaSpace == ThetaSpace.AUTO) {
      return new NpePosterior(model, truncated(sims, config), record, thetaSpace, limits);
    }
    UnconstrainedSpace space = model.prior().unconstrainedSpace();
    Batch y = unconstrained(space, sims);
    ConditionalDensityEstimator q = fit(y, sims.x(), null, config);
    return new NpePosterior(model, new UnconstrainedEstimator(q, space), record, thetaSpace, limits);
  }

  /**
   * q trained as a density truncated to the prior's support box: finished so always ({@link ThetaSpace#TRUNCATED})
   * or where it leaks ({@link ThetaSpace#AUTO}, which falls back to the original space where truncation cannot
   * apply).
   */
  private ConditionalDensityEstimator truncated(SimulationSet sims, TrainingConfig config) {
    Batch theta = sims.theta();
    UnconstrainedSpace box = model.prior().unconstrainedSpace();
    boolean auto = thetaSpace == ThetaSpace.AUTO;
    for (int r = 0; r < theta.rows(); r++) {
      if (!model.prior().inSupport(theta.row(r))) {
        if (auto) {
          return fit(theta, sims.x(), null, config);
        }
        throw new IllegalArgumentException("sims: θ of simulation " + sims.indices()[r] + ", "
            + java.util.Arrays.toString(theta.row(r)) + ", is outside the support of model '" + model.id()
            + "''s prior, so a density truncated to it cannot fit it; remove it or fit in ThetaSpace.ORIGINAL (the option "
            + "theta-space=original)");
      }
    }
    if (!(estimator instanceof SpecFactory<?> factory)) {
      return fallBack(sims, config, auto, "this estimator trains only by its own objective: "
          + estimator.description());
    }
    try {
      return fit(theta, sims.x(), new TruncatedFinish(box.lower(), box.upper(),
          auto ? ThetaSpace.AUTO_MIN_LEAK : 0), config);
    } catch (UnsupportedOperationException e) {
      return fallBack(sims, config, auto, factory.kind() + ": " + e.getMessage());
    }
  }

  /** Under {@link ThetaSpace#AUTO}, q in the original space; under TRUNCATED, the reason it cannot be. */
  private ConditionalDensityEstimator fallBack(SimulationSet sims, TrainingConfig config, boolean auto,
      String reason) {
    if (auto) {
      return fit(sims.theta(), sims.x(), null, config);
    }
    throw new IllegalArgumentException("thetaSpace TRUNCATED: " + reason + "; use a flow (maf, nsf or coupling)");
  }

  /**
   * q fitted to (input, x) by {@code objective} (null: maximum likelihood), afresh or continuing the warm start's
   * estimator.
   */
  private ConditionalDensityEstimator fit(Batch input, Batch x, DensityObjective objective, TrainingConfig config) {
    ConditionalDensityEstimator start = from == null ? null
        : from.estimator() instanceof UnconstrainedEstimator u ? u.inner() : from.estimator();
    if (objective == null) {
      return start == null ? estimator.train(input, x, config, listener)
          : estimator.continueTraining(start, input, x, config, listener);
    }
    SpecFactory<?> factory = (SpecFactory<?>) estimator;
    return start == null ? factory.train(input, x, objective, config, listener)
        : factory.continueTraining(start, input, x, objective, config, listener);
  }

  private Batch unconstrained(UnconstrainedSpace space, SimulationSet sims) {
    Batch theta = sims.theta();
    Batch y = Batch.zeros(theta.rows(), theta.cols());
    for (int r = 0; r < theta.rows(); r++) {
      double[] row = theta.row(r);
      if (!space.inInterior(row)) {
        throw new IllegalArgumentException("sims: θ of simulation " + sims.indices()[r] + ", "
            + java.util.Arrays.toString(row) + ", is not strictly inside the support of model '" + model.id()
            + "''s prior, so it has no unconstrained image; remove it or fit in ThetaSpace.ORIGINAL (the option "
            + "theta-space=original)");
      }
      y.setRow(r, space.toUnconstrained(row));
    }
    return y;
  }
}
