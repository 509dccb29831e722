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
   * log q(input_i | condition_i) for each row; throws {@link UnsupportedOperationException}, in one line that says
   * why, where {@link #hasLogProb()} is false. {@code condition} has one row per input row, or a single row that
   * applies to every input row.
   */
  double[] logProb(Batch input, Batch condition);

  /** {@code n} independent draws from q(· | condition), reproducible from the generator's state. */
  Batch sample(int n, double[] condition, RandomGenerator rng);

  /**
   * One draw for each row of {@code condition}, row i using only {@code rngs[i]}, so that results do not depend on
   * how rows are grouped. The default draws row by row; implementations may batch.
   */
  default Batch sampleEach(Batch condition, RandomGenerator[] rngs) {
    if (rngs.length != condition.rows()) {
      throw new IllegalArgumentException("rngs: expected one generator per row of condition (" + condition.rows()
          + "), got " + rngs.length);
    }
    Batch out = Batch.zeros(condition.rows(), inputDim());
    for (int i = 0; i < condition.rows(); i++) {
      out.setRow(i, sample(1, condition.row(i), rngs[i]).row(0));
    }
    return out;
  }

  /**
   * Whether {@link #logProb} is the exact density of the model; false for Monte-Carlo estimates such as a
   * conditional VAE's importance-weighted bound, whose values are noisy lower-bound estimates.
   */
  default boolean exactLogProb() {
    return true;
  }

  /**
   * What early stopping watched, for messages ("best validation loss 1.23"): the training loss on the validation rows
   * unless the estimator judged its fit otherwise (an adversarial pair by its draws' energy score).
   */
  default String validationMeasure() {
    return "validation loss";
  }

  /** Whether there is a log-density at all; false for a sampler only, such as an adversarially trained generator. */
  default boolean hasLogProb() {
    return true;
  }

  /** Whether the condition passes through a learned embedding network ({@link #embed} gives its features). */
  default boolean hasEmbedding() {
    return false;
  }

  /** The embedding network's features for each row of {@code condition}. */
  default Batch embed(Batch condition) {
    throw new UnsupportedOperationException("this estimator (" + kind() + ") has no embedding network");
  }

  /** Everything needed to rebuild this estimator exactly: weights, standardization, configuration, history. */
  EstimatorState state();

  /** The training history (one entry per epoch). */
  default TrainingHistory history() {
    return state().history();
  }

  @Override
  void close();
}
