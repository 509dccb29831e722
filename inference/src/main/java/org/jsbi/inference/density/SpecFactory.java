package org.jsbi.inference.density;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.embeddings.EmbeddingSpec;

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
  protected final S specOf(EstimatorState state) {
    return specOf(state.hyperParameters());
  }

  /** The spec of this factory's kind with {@code hyperParameters}, as {@link EstimatorSpec#hyperParameters} writes them. */
  protected abstract S specOf(Map<String, String> hyperParameters);

  /** A factory of this kind for {@code spec}. */
  protected abstract SpecFactory<S> with(S spec);

  /** The spec with {@code embedding} in front of its condition. */
  protected abstract S embedded(EmbeddingSpec embedding);

  /** What builds the embedding, as refusals name it: the kind unless a factory says better ("its flows"). */
  protected String builder() {
    return kind();
  }

  @Override
  public EstimatorFactory withEmbedding(int dim, int hidden) {
    return with(embedded(EmbeddingSpec.mlp(dim, hidden)));
  }

  @Override
  public EstimatorFactory withEmbedding(EmbeddingFactory embedding, int features, DataShape shape) {
    return with(embedded(EmbeddingKind.specOf(embedding, features, shape, builder())));
  }

  /** Hyper-parameters that are saved but are not the user's to set (a graph's revision); none by default. */
  protected java.util.Set<String> fixed() {
    return java.util.Set.of();
  }

  /** The spec's hyper-parameters but the {@link #fixed} ones, each of which {@link #withOptions} may set. */
  @Override
  public Map<String, String> options() {
    Map<String, String> out = new LinkedHashMap<>(spec.hyperParameters());
    out.keySet().removeAll(fixed());
    return out;
  }

  @Override
  public EstimatorFactory withOptions(Map<String, String> options) {
    Map<String, String> merged = new LinkedHashMap<>(spec.hyperParameters());
    for (Map.Entry<String, String> o : options.entrySet()) {
      if (!options().containsKey(o.getKey())) {
        throw new IllegalArgumentException(o.getKey() + ": expected one of " + kind() + "'s options "
            + options().keySet() + ", got '" + o.getKey() + "'; 'jsbi estimators' lists them");
      }
      merged.put(o.getKey(), o.getValue());
    }
    try {
      return with(specOf(merged));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(kind() + " options " + options + ": " + e.getMessage(), e);
    }
  }

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
