package org.jsbi.inference.flows;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph of one conditional normalizing flow over standardized values: a bijection between the input u and
 * standard-normal noise z, conditioned on c. Its variables are created once; the methods may be called several
 * times (training batch, validation set, inference placeholders) and share them.
 */
interface FlowGraph {
  /** log q(u | c) for each row: shape [batch]. */
  Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition);

  /** The forward map z = f(u; c), from input to noise: shape [batch, dim]. */
  Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition);

  /** The inverse map: u = f⁻¹(z; c) for each row of noise z: shape [batch, dim]. */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition);

  /** log N(z; 0, I) summed over the last axis. */
  static Operand<TFloat32> standardNormalLogProb(Ops tf, Operand<TFloat32> z, int dim) {
    Operand<TFloat32> sq = tf.reduceSum(tf.math.square(z), tf.constant(1));
    return tf.math.sub(tf.math.mul(tf.constant(-0.5f), sq), tf.constant((float) (0.5 * dim * Math.log(2 * Math.PI))));
  }
}
