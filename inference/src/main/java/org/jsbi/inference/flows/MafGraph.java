package org.jsbi.inference.flows;

import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Masked autoregressive flow (Papamakarios et al. 2017): a stack of affine autoregressive transforms, each
 * z_i = u_i · exp(s_i(u_&lt;i, c)) + m_i(u_&lt;i, c), with the order of dimensions reversed between transforms.
 * Density evaluation is one pass; sampling inverts each transform dimension by dimension.
 */
final class MafGraph implements FlowGraph {
  private final Made[] layers;
  private final int dim;

  MafGraph(Ops tf, Parameters p, int dim, int conditionDim, int hidden, int transforms) {
    this.dim = dim;
    this.layers = new Made[transforms];
    for (int k = 0; k < transforms; k++) {
      layers[k] = new Made(tf, p, "maf.t" + k, dim, conditionDim, hidden);
    }
  }

  @Override
  public int noiseDim() {
    return dim;
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return pass(tf, input, condition, true);
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return pass(tf, input, condition, false);
  }

  /** One density pass; returns log q(u | c), or the noise z when {@code density} is false. */
  private Operand<TFloat32> pass(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition, boolean density) {
    Operand<TFloat32> u = input;
    Operand<TFloat32> logDet = null;
    for (int k = 0; k < layers.length; k++) {
      Operand<TFloat32>[] ss = layers[k].shiftAndLogScale(tf, u, condition);
      u = tf.math.add(tf.math.mul(u, tf.math.exp(ss[1])), ss[0]);
      Operand<TFloat32> ld = tf.reduceSum(ss[1], tf.constant(1));
      logDet = logDet == null ? ld : tf.math.add(logDet, ld);
      if (k < layers.length - 1) {
        u = reverse(tf, u);
      }
    }
    return density ? tf.math.add(DensityGraph.standardNormalLogProb(tf, u, dim), logDet) : u;
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    Operand<TFloat32> y = noise;
    for (int k = layers.length - 1; k >= 0; k--) {
      if (k < layers.length - 1) {
        y = reverse(tf, y);
      }
      // After pass i, dimensions 0..i are exact, because output i depends only on inputs before i.
      Operand<TFloat32> x = tf.zerosLike(y);
      for (int i = 0; i < dim; i++) {
        Operand<TFloat32>[] ss = layers[k].shiftAndLogScale(tf, x, condition);
        x = tf.math.mul(tf.math.sub(y, ss[0]), tf.math.exp(tf.math.neg(ss[1])));
      }
      y = x;
    }
    return y;
  }

  private Operand<TFloat32> reverse(Ops tf, Operand<TFloat32> u) {
    int[] order = new int[dim];
    for (int i = 0; i < dim; i++) {
      order[i] = dim - 1 - i;
    }
    return tf.gather(u, tf.constant(order), tf.constant(1));
  }
}
