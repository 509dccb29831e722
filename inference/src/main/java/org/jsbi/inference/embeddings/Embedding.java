package org.jsbi.inference.embeddings;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The graph of an embedding network: it turns the standardized condition x, one flat row per data set, into a few
 * learned features, and is trained jointly with the estimator it feeds (sbi's {@code embedding_net}). Its variables
 * are created once; {@link #apply} may be called several times and shares them.
 */
public interface Embedding {
  /** The number of features per row. */
  int features();

  /** The features of each row of {@code condition}: shape [batch, {@link #features()}]. */
  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition);

  /** Whether training shows the network other exact draws made from each training row ({@link #augment}). */
  default boolean augments() {
    return false;
  }

  /**
   * A training minibatch's condition, each row possibly replaced by another data set that the simulator could have
   * returned for the same θ, drawn with the stateless seed {@code seed}; inference never sees it. The identity unless
   * {@link #augments()}.
   */
  default Operand<TFloat32> augment(Ops tf, Operand<TFloat32> condition, Operand<TInt64> seed) {
    return condition;
  }
}
