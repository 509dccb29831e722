package org.jsbi.inference.density;

import java.util.Map;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.op.Ops;

/** The kind and hyper-parameters of one estimator, and how to build its graph. */
public interface EstimatorSpec {
  /** The registered id, e.g. {@code maf}. */
  String kind();

  /** Everything besides the weights needed to rebuild the graph, as saved with the estimator. */
  Map<String, String> hyperParameters();

  /**
   * How the condition is standardized before it enters the graph: column by column, unless an embedding network
   * reads it otherwise (a set of trials by channel, its count left as it is).
   */
  default org.jsbi.api.estimator.EstimatorState.Standardization conditionStandardization(
      org.jsbi.api.Batch condition) {
    return org.jsbi.api.estimator.EstimatorState.Standardization.of(condition);
  }

  /**
   * Whether training keeps a moving average of the weights rather than the last step's ({@link
   * org.jsbi.inference.train.Trainer#averageWeights}): for estimators trained by a noisy regression.
   */
  default boolean averagesWeights() {
    return false;
  }

  /** What early stopping watches, for messages: see {@link DensityGraph#validationLoss}. */
  default String validationMeasure() {
    return "validation loss";
  }

  /** Creates the graph's variables through {@code p} and returns the graph. */
  DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim);
}
