package org.jsbi.inference.embeddings;

import java.util.List;
import org.jsbi.api.DataShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

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

  /** The chance that {@link #subsets} keeps a row's whole set. */
  static final float KEEP_WHOLE = 0.5f;

  /**
   * Each row as a set of its own first N' trials: with chance {@value #KEEP_WHOLE} N' = N, else N' uniform in [min
   * trials, N]. The trials are i.i.d., so the first N' of them are exactly a set that the simulator returns for the
   * same θ with N' trials: every training set also teaches the smaller N, where a uniform draw of N leaves few sets,
   * at no extra simulation. Only N changes; the trials past N' stay in the row, masked out as padding is.
   */
  static Operand<TFloat32> subsets(Ops tf, Operand<TFloat32> condition, DataShape shape, Operand<TInt64> seed) {
    Operand<TFloat32> n = count(tf, condition);
    Operand<TInt32> rows = tf.slice(tf.shape(condition), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> u = tf.stopGradient(tf.random.statelessRandomUniform(tf.concat(List.of(rows,
        tf.constant(new int[] {2})), tf.constant(0)), seed, TFloat32.class));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.less(column(tf, u, 0), tf.constant(KEEP_WHOLE)), TFloat32.class);
    Operand<TFloat32> min = tf.constant((float) shape.minTrials());
    Operand<TFloat32> fewer = tf.math.minimum(n, tf.math.add(min, tf.math.floor(tf.math.mul(column(tf, u, 1),
        tf.math.add(tf.math.sub(n, min), tf.constant(1f))))));
    Operand<TFloat32> drawn = tf.math.add(tf.math.mul(keep, n), tf.math.mul(tf.math.sub(tf.constant(1f), keep),
        fewer));
    Operand<TFloat32> trials = tf.slice(condition, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, -1}));
    return tf.concat(List.of(drawn, trials), tf.constant(1));
  }

  private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> m, int j) {
    return tf.slice(m, tf.constant(new int[] {0, j}), tf.constant(new int[] {-1, 1}));
  }
}
