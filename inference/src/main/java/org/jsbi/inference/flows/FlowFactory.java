package org.jsbi.inference.flows;

import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;

/** Trains and restores flows of one {@link FlowSpec}. */
public final class FlowFactory implements EstimatorFactory {
  private final FlowSpec spec;

  public FlowFactory(FlowSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return FlowTrainer.train(spec, input, condition, config, listener);
  }

  @Override
  public ConditionalDensityEstimator restore(EstimatorState state) {
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("state: expected an estimator of kind '" + spec.kind() + "', got '"
          + state.kind() + "'");
    }
    FlowSpec saved = FlowSpec.fromHyperParameters(state.kind(), state.hyperParameters());
    FlowSession session = new FlowSession(saved, state.inputDim(), state.conditionDim(), null, state.weights());
    try {
      session.start();
      return new FlowEstimator(saved, session, state.input(), state.condition(), state.history());
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
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
