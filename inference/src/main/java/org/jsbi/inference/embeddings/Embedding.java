package org.jsbi.inference.embeddings;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

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
}
