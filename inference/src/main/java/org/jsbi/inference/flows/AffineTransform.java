package org.jsbi.inference.flows;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * y = x · exp(s) + m, the element-wise map of RealNVP (Dinh et al. 2017), with the log-scale soft-clamped to
 * 3·tanh(raw / 3) as in {@link Made}.
 */
final class AffineTransform implements ElementwiseTransform {
  @Override
  public int parametersPerElement() {
    return 2;
  }

  @Override
  public Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> x, Operand<TFloat32> raw) {
    Operand<TFloat32> logScale = logScale(tf, raw);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {
      tf.math.add(tf.math.mul(x, tf.math.exp(logScale)), part(tf, raw, 0)), logScale
    };
    return out;
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y, Operand<TFloat32> raw) {
    return tf.math.mul(tf.math.sub(y, part(tf, raw, 0)), tf.math.exp(tf.math.neg(logScale(tf, raw))));
  }

  private static Operand<TFloat32> logScale(Ops tf, Operand<TFloat32> raw) {
    return tf.math.mul(tf.constant(3f), tf.math.tanh(tf.math.div(part(tf, raw, 1), tf.constant(3f))));
  }

  private static Operand<TFloat32> part(Ops tf, Operand<TFloat32> raw, int i) {
    Operand<TFloat32> s = tf.slice(raw, tf.constant(new int[] {0, 0, i}), tf.constant(new int[] {-1, -1, 1}));
    return tf.squeeze(s, org.tensorflow.op.core.Squeeze.axis(java.util.List.of(2L)));
  }
}
