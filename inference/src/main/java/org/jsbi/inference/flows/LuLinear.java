package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A learned invertible linear map of rows, z = u·W + b, with W = L·U, L unit lower-triangular and U upper-triangular
 * with a positive diagonal (nflows' {@code LULinear}): it mixes dimensions between coupling layers, so that
 * correlations are cheap to represent. Starts as the identity; log |det W| = Σ log U_ii.
 */
final class LuLinear {
  private final Operand<TFloat32> w;
  private final Operand<TFloat32> bias;
  private final Operand<TFloat32> logDet;

  LuLinear(Ops tf, Parameters p, String name, int dim) {
    Operand<TFloat32> lowerRaw = p.zeros(name + ".lower", dim, dim);
    Operand<TFloat32> upperRaw = p.zeros(name + ".upper", dim, dim);
    // softplus(log(e − 1)) = 1: the diagonal starts at one.
    Operand<TFloat32> diagRaw = p.vector(name + ".diagonal", dim, (float) Math.log(Math.E - 1));
    this.bias = p.vector(name + ".bias", dim, 0f);
    Operand<TFloat32> eye = constant(tf, dim, (i, j) -> i == j);
    Operand<TFloat32> diagonal = tf.math.add(tf.math.softplus(diagRaw), tf.constant(1e-3f));
    this.logDet = tf.reduceSum(tf.math.log(diagonal), tf.constant(0));
    Operand<TFloat32> lower = tf.math.add(eye, tf.math.mul(lowerRaw, constant(tf, dim, (i, j) -> j < i)));
    Operand<TFloat32> upper = tf.math.add(tf.math.mul(upperRaw, constant(tf, dim, (i, j) -> j > i)),
        tf.math.mul(eye, tf.reshape(diagonal, tf.constant(new int[] {1, dim}))));
    this.w = tf.linalg.matMul(lower, upper);
  }

  /** The 0/1 matrix [dim, dim] that is 1 where {@code at} holds. */
  static Operand<TFloat32> constant(Ops tf, int dim, java.util.function.BiPredicate<Integer, Integer> at) {
    float[] m = new float[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        m[i * dim + j] = at.test(i, j) ? 1f : 0f;
      }
    }
    return tf.constant(Shape.of(dim, dim), DataBuffers.of(m));
  }

  /** W [dim, dim]. */
  Operand<TFloat32> matrix() {
    return w;
  }

  /** b [dim]. */
  Operand<TFloat32> bias() {
    return bias;
  }

  /** log |det W|, a scalar. */
  Operand<TFloat32> logDet() {
    return logDet;
  }
}
