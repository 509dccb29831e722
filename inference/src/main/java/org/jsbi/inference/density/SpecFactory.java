package org.jsbi.inference.density;

import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;

/** An estimator factory for one {@link EstimatorSpec}: trains with {@link DensityTrainer}, restores saved states. */
public abstract class SpecFactory<S extends EstimatorSpec> implements EstimatorFactory {
  protected final S spec;

  protected SpecFactory(S spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The spec a saved state was trained with, from its kind and hyper-parameters. */
  protected abstract S specOf(EstimatorState state);

  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return DensityTrainer.train(spec, input, condition, config.resolvedFor(this), listener);
  }

  @Override
  public ConditionalDensityEstimator trainTruncated(Batch input, Batch condition, double[] lower, double[] upper,
      double minLeak, TrainingConfig config, TrainingListener listener) {
    if (!(minLeak >= 0 && minLeak <= 1)) {
      throw new IllegalArgumentException("minLeak: expected a share of q's mass from 0 to 1, got " + minLeak);
    }
    return DensityTrainer.train(spec, input, condition, Objects.requireNonNull(lower, "lower"),
        Objects.requireNonNull(upper, "upper"), minLeak, config.resolvedFor(this), listener);
  }

  @Override
  public ConditionalDensityEstimator restore(EstimatorState state) {
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("state: expected an estimator of kind '" + spec.kind() + "', got '"
          + state.kind() + "'");
    }
    return DensityEstimator.restore(specOf(state), state);
  }
}
