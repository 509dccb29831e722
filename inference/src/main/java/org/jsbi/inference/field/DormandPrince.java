package org.jsbi.inference.field;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The adaptive Dormand–Prince 5(4) scheme (Dormand and Prince 1980; Hairer, Nørsett and Wanner, "Solving Ordinary
 * Differential Equations I", II.4–5) for dθ/dt = v(θ, t) from time {@code from} to {@code to}, with a step size of
 * its own for every row. The graph holds one attempted step; the loop around it runs outside (each row needs as many
 * steps as its path's curvature asks, and TensorFlow Java has no gradient-free loop worth building a function graph
 * for), so {@link #start} and {@link #step} map a state to the next, row by row:
 * <pre>[θ (dim) | k = v at θ (dim) | s | h]</pre>
 * with s ∈ [0, 1] the share of the path done and h the next step as a share of it. A step is accepted where the
 * error estimate, the difference of the fifth- and fourth-order solutions, measured in units of {@code tolerance} ×
 * (1 + |θ|) per coordinate, has a root mean square of at most 1; the next h is the usual 0.9 · err^(−1/5), kept within
 * 0.2 and 5 times the last. The last stage's v is the next step's first (FSAL), so an attempt costs six evaluations.
 * Finished rows carry h = 0 and stay as they are. The tolerance bounds each step's estimated error, not the draw's:
 * where a smooth field lets the steps grow, an error estimate that happens to be small lets a long step through, so
 * a few draws may miss the converged path by far more than the tolerance ({@code AdaptiveDraws} holds draws at 10⁻⁶
 * to 0.002 of converged fixed steps).
 */
public final class DormandPrince {
  /** A velocity at θ ([batch, dim]) and a time per row ([batch, 1]). */
  @FunctionalInterface
  public interface Field {
    Operand<TFloat32> at(Ops tf, Operand<TFloat32> theta, Operand<TFloat32> t);
  }

  private static final double[] C = {0, 1 / 5d, 3 / 10d, 4 / 5d, 8 / 9d, 1, 1};
  private static final double[][] A = {
      {},
      {1 / 5d},
      {3 / 40d, 9 / 40d},
      {44 / 45d, -56 / 15d, 32 / 9d},
      {19372 / 6561d, -25360 / 2187d, 64448 / 6561d, -212 / 729d},
      {9017 / 3168d, -355 / 33d, 46732 / 5247d, 49 / 176d, -5103 / 18656d},
      {35 / 384d, 0, 500 / 1113d, 125 / 192d, -2187 / 6784d, 11 / 84d}};
  /** The fifth-order weights less the embedded fourth-order ones. */
  private static final double[] E = {71 / 57600d, 0, -71 / 16695d, 71 / 1920d, -17253 / 339200d, 22 / 525d,
      -1 / 40d};
  /** The first step, as a share of the path. */
  static final float FIRST_STEP = 0.02f;

  private final int dim;
  private final float from;
  private final float to;
  private final float tolerance;

  /**
   * @param dim θ's dimension
   * @param from where the path starts (the noise)
   * @param to where it ends (the draws)
   * @param tolerance the relative and absolute error allowed per step, in θ's standardized units
   */
  public DormandPrince(int dim, float from, float to, float tolerance) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance: expected a positive error per step, got " + tolerance);
    }
    this.dim = dim;
    this.from = from;
    this.to = to;
    this.tolerance = tolerance;
  }

  /** Columns of the state: θ, v at θ, s and h. */
  public int stateDim() {
    return 2 * dim + 2;
  }

  /** The column of s, the share of the path done: 1 where a row has finished. */
  public int progressColumn() {
    return 2 * dim;
  }

  /** The state at the path's start, θ ([batch, dim]). */
  public Operand<TFloat32> start(Ops tf, Operand<TFloat32> theta, Field v) {
    Operand<TFloat32> zero = tf.math.mul(tf.slice(theta, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})),
        tf.constant(0f));
    Operand<TFloat32> k = v.at(tf, theta, tf.math.add(zero, tf.constant(from)));
    return tf.concat(List.of(theta, k, zero, tf.math.add(zero, tf.constant(FIRST_STEP))), tf.constant(1));
  }

  /** One attempted step for every row of {@code state}: the next state. */
  public Operand<TFloat32> step(Ops tf, Operand<TFloat32> state, Field v) {
    Operand<TFloat32> theta = column(tf, state, 0, dim);
    Operand<TFloat32> k1 = column(tf, state, dim, dim);
    Operand<TFloat32> s = column(tf, state, 2 * dim, 1);
    Operand<TFloat32> h = column(tf, state, 2 * dim + 1, 1);
    Operand<TFloat32> t = tf.math.add(tf.constant(from), tf.math.mul(tf.constant(to - from), s));
    Operand<TFloat32> dt = tf.math.mul(tf.constant(to - from), h);
    @SuppressWarnings("unchecked")
    Operand<TFloat32>[] k = new Operand[7];
    k[0] = k1;
    Operand<TFloat32> fifth = null;
    for (int i = 1; i < 7; i++) {
      Operand<TFloat32> y = tf.math.add(theta, tf.math.mul(dt, combine(tf, A[i], k)));
      k[i] = v.at(tf, y, tf.math.add(t, tf.math.mul(tf.constant((float) C[i]), dt)));
      fifth = y; // the last stage is evaluated at the fifth-order solution
    }
    Operand<TFloat32> error = tf.math.mul(dt, combine(tf, E, k));
    Operand<TFloat32> scale = tf.math.mul(tf.constant(tolerance), tf.math.add(tf.constant(1f),
        tf.math.maximum(tf.math.abs(theta), tf.math.abs(fifth))));
    Operand<TFloat32> ratio = tf.math.sqrt(tf.math.mean(tf.math.square(tf.math.div(error, scale)), tf.constant(1),
        Mean.keepDims(true)));
    // a non-finite error (a step into a region where v overflows) is a rejection with the smallest factor
    ratio = tf.select(tf.math.isFinite(ratio), ratio, tf.math.add(tf.zerosLike(s), tf.constant(1e10f)));
    Operand<TBool> accept = tf.math.lessEqual(ratio, tf.constant(1f));
    Operand<TFloat32> factor = tf.math.minimum(tf.constant(5f), tf.math.maximum(tf.constant(0.2f), tf.math.mul(
        tf.constant(0.9f), tf.math.exp(tf.math.mul(tf.constant(-0.2f), tf.math.log(tf.math.maximum(ratio,
            tf.constant(1e-10f))))))));
    Operand<TFloat32> remaining = tf.math.sub(tf.constant(1f), s);
    Operand<TFloat32> reached = tf.select(tf.math.greaterEqual(h, tf.math.sub(remaining, tf.constant(1e-6f))),
        tf.onesLike(s), tf.math.add(s, h));
    Operand<TFloat32> sNext = tf.select(accept, reached, s);
    Operand<TFloat32> hNext = tf.math.minimum(tf.math.mul(h, factor), tf.math.sub(tf.constant(1f), sNext));
    Operand<TBool> acceptRow = tf.math.lessEqual(tf.math.add(ratio, tf.zerosLike(theta)), tf.constant(1f));
    return tf.concat(List.of(tf.select(acceptRow, fifth, theta), tf.select(acceptRow, k[6], k1), sNext, hNext),
        tf.constant(1));
  }

  /** Σ_j w_j k_j over the weights given. */
  private static Operand<TFloat32> combine(Ops tf, double[] w, Operand<TFloat32>[] k) {
    Operand<TFloat32> sum = null;
    for (int j = 0; j < w.length; j++) {
      if (w[j] != 0) {
        Operand<TFloat32> term = tf.math.mul(tf.constant((float) w[j]), k[j]);
        sum = sum == null ? term : tf.math.add(sum, term);
      }
    }
    return sum;
  }

  private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> state, int first, int width) {
    return tf.slice(state, tf.constant(new int[] {0, first}), tf.constant(new int[] {-1, width}));
  }
}
