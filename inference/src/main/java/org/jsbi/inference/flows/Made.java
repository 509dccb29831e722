package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A conditional MADE (Germain et al. 2015): a masked two-layer tanh network whose outputs for dimension i depend
 * only on inputs before i (and on the whole condition). It gives the shift and the raw scale of one affine
 * autoregressive transform.
 */
final class Made {
  private final int dim;
  private final Operand<TFloat32> w1;
  private final Operand<TFloat32> wc;
  private final Operand<TFloat32> b1;
  private final Operand<TFloat32> w2;
  private final Operand<TFloat32> b2;
  private final Operand<TFloat32> wShift;
  private final Operand<TFloat32> bShift;
  private final Operand<TFloat32> wScale;
  private final Operand<TFloat32> bScale;
  private final Operand<TFloat32> mask1;
  private final Operand<TFloat32> mask2;
  private final Operand<TFloat32> maskOut;

  Made(Ops tf, Parameters p, String prefix, int dim, int conditionDim, int hidden) {
    this.dim = dim;
    int[] inDegree = new int[dim];
    for (int i = 0; i < dim; i++) {
      inDegree[i] = i + 1;
    }
    int[] hiddenDegree = new int[hidden];
    for (int k = 0; k < hidden; k++) {
      hiddenDegree[k] = dim == 1 ? 0 : k % (dim - 1) + 1;
    }
    mask1 = mask(tf, inDegree, hiddenDegree, false);
    mask2 = mask(tf, hiddenDegree, hiddenDegree, false);
    maskOut = mask(tf, hiddenDegree, inDegree, true);
    w1 = p.matrix(prefix + ".w1", dim, hidden);
    wc = p.matrix(prefix + ".wc", conditionDim, hidden);
    b1 = p.vector(prefix + ".b1", hidden, 0f);
    w2 = p.matrix(prefix + ".w2", hidden, hidden);
    b2 = p.vector(prefix + ".b2", hidden, 0f);
    wShift = p.matrix(prefix + ".w_shift", hidden, dim);
    bShift = p.vector(prefix + ".b_shift", dim, 0f);
    wScale = p.matrix(prefix + ".w_scale", hidden, dim);
    bScale = p.vector(prefix + ".b_scale", dim, 0f);
  }

  /** mask[a][b] = 1 when unit b (degree out[b]) may see unit a (degree in[a]); strict for the output layer. */
  private static Operand<TFloat32> mask(Ops tf, int[] in, int[] out, boolean strict) {
    float[] m = new float[in.length * out.length];
    for (int a = 0; a < in.length; a++) {
      for (int b = 0; b < out.length; b++) {
        boolean connected = strict ? out[b] > in[a] : out[b] >= in[a];
        m[a * out.length + b] = connected ? 1f : 0f;
      }
    }
    return tf.constant(Shape.of(in.length, out.length), DataBuffers.of(m));
  }

  /**
   * Returns {shift, log scale} for each row. The log scale is soft-clamped, 3·tanh(raw / 3), so one transform can
   * contract or expand by up to e³ and starts near the identity. (nflows' sigmoid(raw + 2) + 1e-3 caps the scale
   * at about 1, so in the data-to-noise direction a transform can only contract, and a conditional narrower than
   * the standardized marginal cannot be fitted.)
   */
  Operand<TFloat32>[] shiftAndLogScale(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c) {
    Operand<TFloat32> h = tf.math.tanh(tf.math.add(tf.math.add(
        tf.linalg.matMul(u, tf.math.mul(w1, mask1)), tf.linalg.matMul(c, wc)), b1));
    h = tf.math.tanh(tf.math.add(tf.linalg.matMul(h, tf.math.mul(w2, mask2)), b2));
    Operand<TFloat32> shift = tf.math.add(tf.linalg.matMul(h, tf.math.mul(wShift, maskOut)), bShift);
    Operand<TFloat32> raw = tf.math.add(tf.linalg.matMul(h, tf.math.mul(wScale, maskOut)), bScale);
    Operand<TFloat32> logScale = tf.math.mul(tf.constant(3f), tf.math.tanh(tf.math.div(raw, tf.constant(3f))));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {shift, logScale};
    return out;
  }

  int dim() {
    return dim;
  }
}
