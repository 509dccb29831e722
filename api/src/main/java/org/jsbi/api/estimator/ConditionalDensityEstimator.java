package org.jsbi.api.estimator;

import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;

/**
 * A trained conditional density q(input | condition): for NPE the input is θ and the condition x; for NLE the
 * reverse. Implementations hold native resources: close them.
 */
public interface ConditionalDensityEstimator extends AutoCloseable {
  /** The registered id of the estimator kind, e.g. {@code maf}. */
  String kind();

  int inputDim();

  int conditionDim();

  /**
   * log q(input_i | condition_i) for each row. {@code condition} has one row per input row, or a single row that
   * applies to every input row.
   */
  double[] logProb(Batch input, Batch condition);

  /** {@code n} independent draws from q(· | condition), reproducible from the generator's state. */
  Batch sample(int n, double[] condition, RandomGenerator rng);

  /** Everything needed to rebuild this estimator exactly: weights, standardization, configuration, history. */
  EstimatorState state();

  /** The training history (one entry per epoch). */
  default TrainingHistory history() {
    return state().history();
  }

  @Override
  void close();
}
