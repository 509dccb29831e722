package org.jsbi.inference.field;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The network of the estimators that learn a field over θ and time (flow matching's velocity, a diffusion's noise
 * predictor), v(θ_t, t, c): θ_t, the time t with sines and cosines of it at {@value #FREQUENCIES}
 * octaves (Fourier features, as the positional encodings of Dax et al. 2023), and the condition c go into a layer
 * of {@code hidden} SiLU units, then {@code blocks} residual SiLU layers, each of which reads t's features and c
 * again (as the context of nflows' residual networks), and a linear output of θ's size. Smooth activations keep v
 * smooth in θ and t, which the ODE solver and the divergence in the log-density rely on. The condition's share of
 * every layer does not depend on θ or t: it is computed once per call of the graph and reused at every step of the
 * solver.
 */
public final class VectorField {
  static final int FREQUENCIES = 4;

  private final Operand<TFloat32> wTheta;
  private final Operand<TFloat32> wTime;
  private final Operand<TFloat32> wCondition;
  private final Operand<TFloat32> b;
  private final List<Operand<TFloat32>> w = new ArrayList<>();
  private final List<Operand<TFloat32>> wt = new ArrayList<>();
  private final List<Operand<TFloat32>> wc = new ArrayList<>();
  private final List<Operand<TFloat32>> bs = new ArrayList<>();
  private final Operand<TFloat32> wOut;
  private final Operand<TFloat32> bOut;

  /** A field whose weights are named {@code prefix.in.theta} and so on (flow matching's prefix is {@code fm}). */
  public VectorField(Parameters p, String prefix, int dim, int conditionDim, int hidden, int blocks) {
    wTheta = p.matrix(prefix + ".in.theta", dim, hidden);
    wTime = p.matrix(prefix + ".in.time", 1 + 2 * FREQUENCIES, hidden);
    wCondition = p.matrix(prefix + ".in.condition", conditionDim, hidden);
    b = p.vector(prefix + ".in.b", hidden, 0f);
    for (int l = 0; l < blocks; l++) {
      w.add(p.matrix(prefix + ".block" + l + ".w", hidden, hidden));
      wt.add(p.matrix(prefix + ".block" + l + ".time", 1 + 2 * FREQUENCIES, hidden));
      wc.add(p.matrix(prefix + ".block" + l + ".condition", conditionDim, hidden));
      bs.add(p.vector(prefix + ".block" + l + ".b", hidden, 0f));
    }
    wOut = p.matrix(prefix + ".out.w", hidden, dim);
    bOut = p.vector(prefix + ".out.b", dim, 0f);
  }

  /** The condition's share of every layer, with its bias: [batch, hidden] each, the first layer's first. */
  public List<Operand<TFloat32>> condition(Ops tf, Operand<TFloat32> c) {
    List<Operand<TFloat32>> shares = new ArrayList<>();
    shares.add(tf.math.add(tf.linalg.matMul(c, wCondition), b));
    for (int l = 0; l < w.size(); l++) {
      shares.add(tf.math.add(tf.linalg.matMul(c, wc.get(l)), bs.get(l)));
    }
    return shares;
  }

  /**
   * v at θ (shape [batch, dim]) and time t ([batch, 1], or [1, 1] for one time shared by all rows), for the
   * condition's shares {@code c} from {@link #condition}.
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> theta, Operand<TFloat32> t, List<Operand<TFloat32>> c) {
    Operand<TFloat32> time = timeFeatures(tf, t);
    Operand<TFloat32> h = silu(tf, tf.math.add(tf.math.add(tf.linalg.matMul(theta, wTheta),
        tf.linalg.matMul(time, wTime)), c.get(0)));
    for (int l = 0; l < w.size(); l++) {
      Operand<TFloat32> pre = tf.math.add(tf.math.add(tf.linalg.matMul(h, w.get(l)), tf.linalg.matMul(time,
          wt.get(l))), c.get(l + 1));
      h = tf.math.add(h, silu(tf, pre));
    }
    return tf.math.add(tf.linalg.matMul(h, wOut), bOut);
  }

  /** t, sin(2^k π t) and cos(2^k π t) for k = 0 … {@value #FREQUENCIES} − 1. */
  private static Operand<TFloat32> timeFeatures(Ops tf, Operand<TFloat32> t) {
    float[] omega = new float[FREQUENCIES];
    for (int k = 0; k < FREQUENCIES; k++) {
      omega[k] = (float) (Math.PI * (1 << k));
    }
    Operand<TFloat32> angle = tf.math.mul(t, tf.reshape(tf.constant(omega), tf.constant(new int[] {1, FREQUENCIES})));
    return tf.concat(List.of(t, tf.math.sin(angle), tf.math.cos(angle)), tf.constant(1));
  }

  private static Operand<TFloat32> silu(Ops tf, Operand<TFloat32> x) {
    return tf.math.mul(x, tf.math.sigmoid(x));
  }
}
