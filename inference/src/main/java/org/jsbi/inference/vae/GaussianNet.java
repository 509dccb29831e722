package org.jsbi.inference.vae;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An MLP (two tanh layers) that maps its input to the mean and log standard deviation of a diagonal Gaussian. The
 * log standard deviation is soft-clamped to (−6, 6), 6·tanh(raw / 6), which keeps early training stable and still
 * lets a conditional be far narrower than the standardized marginal.
 */
final class GaussianNet {
  private static final float LOG_STD_BOUND = 6f;

  private final Operand<TFloat32> w1;
  private final Operand<TFloat32> b1;
  private final Operand<TFloat32> w2;
  private final Operand<TFloat32> b2;
  private final Operand<TFloat32> wMean;
  private final Operand<TFloat32> bMean;
  private final Operand<TFloat32> wLogStd;
  private final Operand<TFloat32> bLogStd;

  /** @param initialLogStd the starting log standard deviation (the bias of the log-std layer) */
  GaussianNet(Parameters p, String name, int in, int hidden, int out, float initialLogStd) {
    w1 = p.matrix(name + ".w1", in, hidden);
    b1 = p.vector(name + ".b1", hidden, 0f);
    w2 = p.matrix(name + ".w2", hidden, hidden);
    b2 = p.vector(name + ".b2", hidden, 0f);
    wMean = p.matrix(name + ".w_mean", hidden, out);
    bMean = p.vector(name + ".b_mean", out, 0f);
    wLogStd = p.matrix(name + ".w_log_std", hidden, out);
    bLogStd = p.vector(name + ".b_log_std", out, initialLogStd);
  }

  /** {mean, log std}, each [batch, out]. */
  Operand<TFloat32>[] apply(Ops tf, Operand<TFloat32> input) {
    Operand<TFloat32> h = tf.math.tanh(tf.math.add(tf.linalg.matMul(input, w1), b1));
    h = tf.math.tanh(tf.math.add(tf.linalg.matMul(h, w2), b2));
    Operand<TFloat32> mean = tf.math.add(tf.linalg.matMul(h, wMean), bMean);
    Operand<TFloat32> raw = tf.math.add(tf.linalg.matMul(h, wLogStd), bLogStd);
    Operand<TFloat32> logStd = tf.math.mul(tf.constant(LOG_STD_BOUND),
        tf.math.tanh(tf.math.div(raw, tf.constant(LOG_STD_BOUND))));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {mean, logStd};
    return out;
  }
}
