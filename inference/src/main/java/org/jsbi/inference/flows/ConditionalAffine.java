package org.jsbi.inference.flows;

import java.util.List;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An element-wise affine map whose shift and scale depend on the condition alone: z = (u − m(c)) · exp(−s(c)). As
 * the first layer of a flow it standardizes each conditional before the splines see it, so a posterior whose
 * location and width move with the data needs no bending of the splines; a Gaussian posterior with diagonal
 * covariance is represented exactly. m and s are a linear map of c plus a one-hidden-layer tanh network, both
 * starting at zero, so the layer starts as the identity.
 */
final class ConditionalAffine {
  private final int dim;
  private final Operand<TFloat32> linear;
  private final Operand<TFloat32> w1;
  private final Operand<TFloat32> b1;
  private final Operand<TFloat32> w2;
  private final Operand<TFloat32> b2;

  ConditionalAffine(Parameters p, String name, int dim, int conditionDim, int hidden) {
    this.dim = dim;
    this.linear = p.zeros(name + ".linear", conditionDim, 2 * dim);
    this.w1 = p.matrix(name + ".w1", conditionDim, hidden);
    this.b1 = p.vector(name + ".b1", hidden, 0f);
    this.w2 = p.zeros(name + ".w2", hidden, 2 * dim);
    this.b2 = p.vector(name + ".b2", 2 * dim, 0f);
  }

  /** {shift, log-scale}, each [batch, dim]. */
  private List<Operand<TFloat32>> parameters(Ops tf, Operand<TFloat32> condition) {
    Operand<TFloat32> h = tf.math.tanh(tf.nn.biasAdd(tf.linalg.matMul(condition, w1), b1));
    Operand<TFloat32> out = tf.nn.biasAdd(tf.math.add(tf.linalg.matMul(condition, linear), tf.linalg.matMul(h, w2)),
        b2);
    List<Operand<TFloat32>> parts = new java.util.ArrayList<>();
    tf.splitV(out, tf.constant(new int[] {dim, dim}), tf.constant(1), 2L).forEach(parts::add);
    Operand<TFloat32> logScale = tf.math.mul(tf.constant(3f), tf.math.tanh(tf.math.div(parts.get(1), tf.constant(3f))));
    return List.of(parts.get(0), logScale);
  }

  /** {z, log |det|}: z = (u − m) · exp(−s), log |det| = −Σ s. */
  Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> u, Operand<TFloat32> condition) {
    List<Operand<TFloat32>> ms = parameters(tf, condition);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {
      tf.math.mul(tf.math.sub(u, ms.get(0)), tf.math.exp(tf.math.neg(ms.get(1)))),
      tf.math.neg(tf.reduceSum(ms.get(1), tf.constant(1)))
    };
    return out;
  }

  /** u = z · exp(s) + m. */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> z, Operand<TFloat32> condition) {
    List<Operand<TFloat32>> ms = parameters(tf, condition);
    return tf.math.add(tf.math.mul(z, tf.math.exp(ms.get(1))), ms.get(0));
  }
}
