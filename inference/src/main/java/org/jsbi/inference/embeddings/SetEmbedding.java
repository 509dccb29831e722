package org.jsbi.inference.embeddings;

import org.jsbi.api.DataShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** An embedding of a set of i.i.d. trials: trained on subsets of each set as well ({@link TrialsLayout#subsets}). */
interface SetEmbedding extends Embedding {
  /** The sets' layout. */
  DataShape shape();

  @Override
  default boolean augments() {
    return true;
  }

  @Override
  default Operand<TFloat32> augment(Ops tf, Operand<TFloat32> condition, Operand<TInt64> seed) {
    return TrialsLayout.subsets(tf, condition, shape(), seed);
  }
}
