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
import org.jsbi.inference.mcmc.UnconstrainedSpace;

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

  /** The space in which q is fitted; see {@link ThetaSpace}. Default {@link ThetaSpace#AUTO}. */
  public Npe thetaSpace(ThetaSpace thetaSpace) {
    this.thetaSpace = Objects.requireNonNull(thetaSpace, "thetaSpace");
    return this;
  }

  /** Trains q(θ | x) on the valid rows of {@code sims}. */
  public NpePosterior train(SimulationSet sims, TrainingConfig config) {
    config = config.resolvedFor(estimator);
    TrainingRecord record = TrainingRecord.of(model, sims, config);
    if (thetaSpace == ThetaSpace.ORIGINAL) {
      return new NpePosterior(model, estimator.train(sims.theta(), sims.x(), config, listener), record,
          thetaSpace, limits);
    }
    if (thetaSpace == ThetaSpace.TRUNCATED || thetaSpace == ThetaSpace.AUTO) {
      return new NpePosterior(model, truncated(sims, config), record, thetaSpace, limits);
    }
    UnconstrainedSpace space = new UnconstrainedSpace(model.prior());
    Batch y = unconstrained(space, sims);
    ConditionalDensityEstimator q = estimator.train(y, sims.x(), config, listener);
    return new NpePosterior(model, new UnconstrainedEstimator(q, space), record, thetaSpace, limits);
  }

  /**
   * q trained as a density truncated to the prior's support box: finished so always ({@link ThetaSpace#TRUNCATED})
   * or where it leaks ({@link ThetaSpace#AUTO}, which falls back to the original space where truncation cannot
   * apply).
   */
  private ConditionalDensityEstimator truncated(SimulationSet sims, TrainingConfig config) {
    Batch theta = sims.theta();
    UnconstrainedSpace box = new UnconstrainedSpace(model.prior());
    boolean auto = thetaSpace == ThetaSpace.AUTO;
    for (int r = 0; r < theta.rows(); r++) {
      if (!model.prior().inSupport(theta.row(r))) {
        if (auto) {
          return estimator.train(theta, sims.x(), config, listener);
        }
        throw new IllegalArgumentException("sims: θ of simulation " + sims.indices()[r] + ", "
            + java.util.Arrays.toString(theta.row(r)) + ", is outside the support of model '" + model.id()
            + "''s prior, so a density truncated to it cannot fit it; remove it or fit in ThetaSpace.ORIGINAL (the option "
            + "theta-space=original)");
      }
    }
    try {
      return estimator.trainTruncated(theta, sims.x(), box.lower(), box.upper(), auto ? ThetaSpace.AUTO_MIN_LEAK : 0,
          config, listener);
    } catch (UnsupportedOperationException e) {
      if (auto) {
        return estimator.train(theta, sims.x(), config, listener);
      }
      throw new IllegalArgumentException("thetaSpace TRUNCATED: " + e.getMessage() + "; use a flow (maf, nsf or "
          + "coupling)");
    }
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
