package org.jsbi.inference.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) over an explicit variable list. The beta powers are updated only after every
 * parameter update has run, so the bias correction is exact and runs are bit-for-bit reproducible; the framework's
 * own Adam gets this wrong (../shared/TENSORFLOW.md).
 */
public final class Adam {
  private Adam() {}

  /** One step that clips the gradients by global norm and applies them; returns the op to run per minibatch. */
  public static Op step(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> rawGradients, float learningRate,
      float clipNorm) {
    return step(tf, variables, rawGradients, learningRate, clipNorm, List.of());
  }

  /** As above, with the updates made to wait for {@code waitFor} (ops that read the weights). */
  public static Op step(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> rawGradients, float learningRate,
      float clipNorm, List<Op> waitFor) {
    return step(tf, variables, rawGradients, tf.constant(learningRate), clipNorm, waitFor);
  }

  /** As above, with a learning rate computed in the graph (a variable read, so that training can lower it). */
  public static Op step(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> rawGradients,
      Operand<TFloat32> learningRate, float clipNorm, List<Op> waitFor) {
    List<Operand<TFloat32>> gradients = clipByGlobalNorm(tf, rawGradients, clipNorm);
    Ops apply = waitFor.isEmpty() ? tf : tf.withControlDependencies(waitFor);
    Ops init = tf.withSubScope("adam");
    Variable<TFloat32> beta1Power = init.withName("beta1_power").variable(init.constant(0.9f));
    Variable<TFloat32> beta2Power = init.withName("beta2_power").variable(init.constant(0.999f));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      Shape shape = v.shape();
      Variable<TFloat32> m = init.variable(init.zeros(init.constant(shape), TFloat32.class));
      Variable<TFloat32> s = init.variable(init.zeros(init.constant(shape), TFloat32.class));
      updates.add(apply.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate,
          tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-8f), gradients.get(i)));
    }
    Ops after = tf.withControlDependencies(updates);
    Op b1 = after.assign(beta1Power, after.math.mul(after.identity(beta1Power), after.constant(0.9f)));
    Op b2 = after.assign(beta2Power, after.math.mul(after.identity(beta2Power), after.constant(0.999f)));
    return tf.withControlDependencies(List.of(b1, b2)).noOp();
  }

  /** Scales the gradients so that their global L2 norm is at most {@code maxNorm}. */
  public static List<Operand<TFloat32>> clipByGlobalNorm(Ops tf, List<Operand<TFloat32>> gradients, float maxNorm) {
    Operand<TFloat32> total = tf.constant(0f);
    for (Operand<TFloat32> g : gradients) {
      total = tf.math.add(total, tf.reduceSum(tf.math.square(g), allAxes(tf, g)));
    }
    Operand<TFloat32> norm = tf.math.sqrt(total);
    Operand<TFloat32> scale = tf.math.div(tf.constant(maxNorm), tf.math.maximum(norm, tf.constant(maxNorm)));
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      out.add(tf.math.mul(g, scale));
    }
    return out;
  }

  public static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<?> x) {
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
