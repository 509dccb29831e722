package org.jsbi.inference.density;

import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;

/**
 * An estimator factory for one {@link EstimatorSpec}: trains with {@link DensityTrainer} by maximum likelihood or by
 * an objective a method brings, continues training a saved estimator, and restores saved states.
 */
public abstract class SpecFactory<S extends EstimatorSpec> implements EstimatorFactory {
  protected final S spec;

  protected SpecFactory(S spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The estimator kind this factory trains, e.g. {@code maf}. */
  public String kind() {
    return spec.kind();
  }

  /** The spec a saved state was trained with, from its kind and hyper-parameters. */
  protected abstract S specOf(EstimatorState state);

  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return train(input, condition, DensityObjective.maximumLikelihood(), config, listener);
  }

  /** Fits q(input | condition) by minimizing {@code objective}. */
  public ConditionalDensityEstimator train(Batch input, Batch condition, DensityObjective objective,
      TrainingConfig config, TrainingListener listener) {
    return DensityTrainer.train(spec, input, condition, Objects.requireNonNull(objective, "objective"), null,
        config.resolvedFor(this), listener);
  }

  @Override
  public ConditionalDensityEstimator continueTraining(ConditionalDensityEstimator from, Batch input,
      Batch condition, TrainingConfig config, TrainingListener listener) {
    return continueTraining(from, input, condition, DensityObjective.maximumLikelihood(), config, listener);
  }

  /** Continues training {@code from} by minimizing {@code objective}; see {@link EstimatorFactory#continueTraining}. */
  public ConditionalDensityEstimator continueTraining(ConditionalDensityEstimator from, Batch input,
      Batch condition, DensityObjective objective, TrainingConfig config, TrainingListener listener) {
    EstimatorState state = from.state();
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("from: expected an estimator of kind '" + spec.kind() + "', got '"
          + state.kind() + "'; continue it with the factory of its kind");
    }
    if (state.inputDim() != input.cols() || state.conditionDim() != condition.cols()) {
      throw new IllegalArgumentException("input and condition: expected " + state.inputDim() + " and "
          + state.conditionDim() + " columns like the estimator continued, got " + input.cols() + " and "
          + condition.cols());
    }
    // The estimator's own hyper-parameters, whatever this factory was configured with: its weights fit only them.
    return DensityTrainer.train(specOf(state), input, condition, Objects.requireNonNull(objective, "objective"), state,
        config.resolvedFor(this), listener);
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
