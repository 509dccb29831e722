package org.jsbi.inference.flows;

import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.density.DensityEstimator;
import org.jsbi.inference.density.DensityTrainer;

/** Trains and restores flows of one {@link FlowSpec}. */
public final class FlowFactory implements EstimatorFactory {
  private final FlowSpec spec;

  public FlowFactory(FlowSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return DensityTrainer.train(spec, input, condition, config, listener);
  }

  @Override
  public ConditionalDensityEstimator restore(EstimatorState state) {
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("state: expected an estimator of kind '" + spec.kind() + "', got '"
          + state.kind() + "'");
    }
    return DensityEstimator.restore(FlowSpec.fromHyperParameters(state.kind(), state.hyperParameters()), state);
  }

  /** The flow this factory trains. */
  FlowSpec spec() {
    return spec;
  }

  @Override
  public EstimatorFactory withEmbedding(int dim, int hidden) {
    return new FlowFactory(spec.withEmbedding(dim, hidden));
  }

  @Override
  public String description() {
    String embedding = spec.embeddingDim() > 0 ? ", with an embedding network to " + spec.embeddingDim()
        + " features" : "";
    return flowDescription() + embedding;
  }

  private String flowDescription() {
    return switch (spec.kind()) {
      case "maf" -> "masked autoregressive flow, " + spec.transforms() + " transforms of " + spec.hidden()
          + " hidden units (Papamakarios et al. 2017)";
      case "nsf" -> "neural spline flow, " + spec.transforms() + " rational-quadratic coupling transforms, "
          + spec.bins() + " bins, " + spec.hidden() + " hidden units (Durkan et al. 2019)";
      case "coupling" -> "RealNVP affine coupling flow, " + spec.transforms() + " transforms of " + spec.hidden()
          + " hidden units (Dinh et al. 2017)";
      default -> spec.kind();
    };
  }
}
