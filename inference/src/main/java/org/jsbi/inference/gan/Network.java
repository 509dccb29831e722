package org.jsbi.inference.gan;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * One player of the adversarial pair: a multilayer perceptron on (a, c), where a is the generator's noise or the
 * discriminator's θ and c the condition, with {@code layers} hidden layers of leaky-ReLU units (slope 0.1, as
 * GATSBI's networks) and a linear output. Either player can be applied with its weights behind {@code stopGradient},
 * so that one loss can train both: each player's loss reaches only its own weights.
 */
final class Network {
  private static final float LEAK = 0.1f;

  private final Operand<TFloat32> wA;
  private final Operand<TFloat32> wC;
  private final Operand<TFloat32> b;
  private final List<Operand<TFloat32>> w = new ArrayList<>();
  private final List<Operand<TFloat32>> bs = new ArrayList<>();
  private final Operand<TFloat32> wOut;
  private final Operand<TFloat32> bOut;

  /** Weights named {@code prefix.in.a}, {@code prefix.in.c}, {@code prefix.hidden0.w}, … {@code prefix.out.b}. */
  Network(Parameters p, String prefix, int inA, int inC, int hidden, int layers, int out) {
    wA = p.matrix(prefix + ".in.a", inA, hidden);
    wC = p.matrix(prefix + ".in.c", inC, hidden);
    b = p.vector(prefix + ".in.b", hidden, 0f);
    for (int l = 1; l < layers; l++) {
      w.add(p.matrix(prefix + ".hidden" + l + ".w", hidden, hidden));
      bs.add(p.vector(prefix + ".hidden" + l + ".b", hidden, 0f));
    }
    wOut = p.matrix(prefix + ".out.w", hidden, out);
    bOut = p.vector(prefix + ".out.b", out, 0f);
  }

  /**
   * The output for rows of a and c ([batch, out]); with {@code frozen}, no gradient reaches this network's weights or
   * c (the other player's loss must not move them).
   */
  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> a, Operand<TFloat32> c, boolean frozen) {
    Operand<TFloat32> cIn = frozen ? tf.stopGradient(c) : c;
    Operand<TFloat32> h = leaky(tf, tf.math.add(tf.math.add(tf.linalg.matMul(a, weight(tf, wA, frozen)),
        tf.linalg.matMul(cIn, weight(tf, wC, frozen))), weight(tf, b, frozen)));
    for (int l = 0; l < w.size(); l++) {
      h = leaky(tf, tf.math.add(tf.linalg.matMul(h, weight(tf, w.get(l), frozen)), weight(tf, bs.get(l), frozen)));
    }
    return tf.math.add(tf.linalg.matMul(h, weight(tf, wOut, frozen)), weight(tf, bOut, frozen));
  }

  /**
   * The output ([batch, 1]) and its gradient with respect to a ([batch, inA]) for rows of a and c, the gradient
   * written out layer by layer (the chain rule through each layer's slope, 1 or 0.1, held constant) so that training
   * can differentiate it: TensorFlow Java has no gradient of the ReLU's gradient op. For a network of one output.
   */
  Operand<TFloat32>[] applyWithGradient(Ops tf, Operand<TFloat32> a, Operand<TFloat32> c) {
    List<Operand<TFloat32>> slopes = new ArrayList<>();
    Operand<TFloat32> pre = tf.math.add(tf.math.add(tf.linalg.matMul(a, wA), tf.linalg.matMul(c, wC)), b);
    slopes.add(slope(tf, pre));
    Operand<TFloat32> h = leaky(tf, pre);
    for (int l = 0; l < w.size(); l++) {
      pre = tf.math.add(tf.linalg.matMul(h, w.get(l)), bs.get(l));
      slopes.add(slope(tf, pre));
      h = leaky(tf, pre);
    }
    Operand<TFloat32> out = tf.math.add(tf.linalg.matMul(h, wOut), bOut);
    Operand<TFloat32> back = tf.math.mul(slopes.get(w.size()),
        tf.linalg.transpose(wOut, tf.constant(new int[] {1, 0})));
    for (int l = w.size() - 1; l >= 0; l--) {
      back = tf.math.mul(tf.linalg.matMul(back, w.get(l), MatMul.transposeB(true)), slopes.get(l));
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] both = new Operand[] {out, tf.linalg.matMul(back, wA, MatMul.transposeB(true))};
    return both;
  }

  /** The leaky ReLU's slope at {@code pre}: 1 above 0, else 0.1; a constant to training. */
  private static Operand<TFloat32> slope(Ops tf, Operand<TFloat32> pre) {
    return tf.stopGradient(tf.math.add(tf.constant(LEAK), tf.math.mul(tf.constant(1 - LEAK),
        tf.dtypes.cast(tf.math.greater(pre, tf.constant(0f)), TFloat32.class))));
  }

  private static Operand<TFloat32> weight(Ops tf, Operand<TFloat32> v, boolean frozen) {
    return frozen ? tf.stopGradient(v) : v;
  }

  /** max(x, 0.1 x), written with relu, whose gradient TensorFlow Java has. */
  private static Operand<TFloat32> leaky(Ops tf, Operand<TFloat32> x) {
    return tf.math.sub(tf.nn.relu(x), tf.math.mul(tf.constant(LEAK), tf.nn.relu(tf.math.neg(x))));
  }
}
