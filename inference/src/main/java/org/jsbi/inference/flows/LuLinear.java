package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A learned invertible linear map z = W·u + b with W = L·U, L unit lower-triangular and U upper-triangular with a
 * positive diagonal (nflows' {@code LULinear}): it mixes dimensions between coupling layers, so that correlations
 * are cheap to represent. Starts as the identity; log |det W| = Σ log U_ii.
 */
final class LuLinear {
  private final Operand<TFloat32> w;
  private final Operand<TFloat32> bias;
  private final Operand<TFloat32> logDiagonal;

  LuLinear(Ops tf, Parameters p, String name, int dim) {
    Operand<TFloat32> lowerRaw = p.zeros(name + ".lower", dim, dim);
    Operand<TFloat32> upperRaw = p.zeros(name + ".upper", dim, dim);
    // softplus(log(e − 1)) = 1: the diagonal starts at one.
    Operand<TFloat32> diagRaw = p.vector(name + ".diagonal", dim, (float) Math.log(Math.E - 1));
    this.bias = p.vector(name + ".bias", dim, 0f);
    Operand<TFloat32> eye = mask(tf, dim, 0);
    Operand<TFloat32> diagonal = tf.math.add(tf.math.softplus(diagRaw), tf.constant(1e-3f));
    this.logDiagonal = tf.math.log(diagonal);
    Operand<TFloat32> lower = tf.math.add(eye, tf.math.mul(lowerRaw, mask(tf, dim, -1)));
    Operand<TFloat32> upper = tf.math.add(tf.math.mul(upperRaw, mask(tf, dim, 1)),
        tf.math.mul(eye, tf.reshape(diagonal, tf.constant(new int[] {1, dim}))));
    this.w = tf.linalg.matMul(lower, upper);
  }

  /** 1 on the diagonal (side 0), strictly below it (−1) or strictly above it (1); 0 elsewhere. */
  private static Operand<TFloat32> mask(Ops tf, int dim, int side) {
    float[] m = new float[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        m[i * dim + j] = Integer.signum(j - i) == side ? 1f : 0f;
      }
    }
    return tf.constant(Shape.of(dim, dim), DataBuffers.of(m));
  }

  /** {z, log |det|} for rows u. */
  Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> u) {
    Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(u, w, org.tensorflow.op.linalg.MatMul.transposeB(true)), bias);
    Operand<TFloat32> logDet = tf.reduceSum(logDiagonal, tf.constant(0));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {z, logDet};
    return out;
  }

  /** u = W⁻¹(z − b) for rows z; used only for sampling, which needs no gradient. */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> z) {
    return tf.linalg.matMul(tf.math.sub(z, bias), tf.linalg.inv(w), org.tensorflow.op.linalg.MatMul.transposeB(true));
  }
}
