package org.jsbi.inference.embeddings;

import org.jsbi.api.DataShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** How the set embeddings read a row laid out as {@link DataShape#trials}: N, the trials, and which are real. */
final class TrialsLayout {
  private TrialsLayout() {}

  /** N of each row: [batch, 1]. */
  static Operand<TFloat32> count(Ops tf, Operand<TFloat32> condition) {
    return tf.slice(condition, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
  }

  /** Every trial slot of every row, padding included, one per row: [batch · max trials, channels]. */
  static Operand<TFloat32> trials(Ops tf, Operand<TFloat32> condition, DataShape shape) {
    int m = shape.maxTrials();
    int c = shape.channels();
    return tf.reshape(tf.slice(condition, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, m * c})),
        tf.constant(new int[] {-1, c}));
  }

  /** 1 where slot k (counting from 1) holds a real trial, k ≤ N, and 0 in the padding: [batch, max trials]. */
  static Operand<TFloat32> real(Ops tf, Operand<TFloat32> count, DataShape shape) {
    int m = shape.maxTrials();
    float[] index = new float[m];
    for (int k = 0; k < m; k++) {
      index[k] = k + 1;
    }
    return tf.dtypes.cast(tf.math.lessEqual(tf.reshape(tf.constant(index), tf.constant(new int[] {1, m})), count),
        TFloat32.class);
  }
}
