package org.jsbi.inference.field;

import org.jsbi.inference.density.DensityGraph;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The classical Runge–Kutta scheme for dθ/dt = v(θ, t) on a grid of times, unrolled in the graph and batched over
 * rows, with the instantaneous change of variables (Chen et al. 2018) for the log-density of a flow defined by an
 * ODE: carried from time a to b, log p_b(θ_b) = log p_a(θ_a) − ∫_a^b ∇·v dt. The divergence is exact (one gradient
 * per dimension of θ) up to {@value #EXACT_LIMIT} dimensions and Hutchinson's estimate ε^T (∂v/∂θ) ε with one
 * standard-normal probe ε per row, held along the path (Grathwohl et al. 2018), above that.
 */
public final class Ode {
  /** The largest dimension of θ whose divergence is computed exactly. */
  public static final int EXACT_LIMIT = 20;

  private Ode() {}

  /** A velocity field at θ ([batch, dim]) and one time shared by all rows. */
  @FunctionalInterface
  public interface Velocity {
    Operand<TFloat32> at(Ops tf, Operand<TFloat32> theta, float t);
  }

  /** Columns of probe noise a log-density of a θ of {@code dim} dimensions needs: 0 when exact. */
  public static int probeDim(int dim) {
    return dim > EXACT_LIMIT ? dim : 0;
  }

  /** {@code steps + 1} equally spaced times from {@code from} to {@code to}. */
  public static float[] uniform(float from, float to, int steps) {
    float[] t = new float[steps + 1];
    for (int s = 0; s <= steps; s++) {
      t[s] = s == steps ? to : from + (to - from) * s / steps;
    }
    return t;
  }

  /** θ carried along the grid {@code times} (in either direction) by one Runge–Kutta step per interval. */
  public static Operand<TFloat32> solve(Ops tf, Operand<TFloat32> theta, float[] times, Velocity v) {
    for (int s = 0; s + 1 < times.length; s++) {
      float t = times[s];
      float h = times[s + 1] - t;
      Operand<TFloat32> k1 = v.at(tf, theta, t);
      Operand<TFloat32> k2 = v.at(tf, axpy(tf, h / 2, k1, theta), t + h / 2);
      Operand<TFloat32> k3 = v.at(tf, axpy(tf, h / 2, k2, theta), t + h / 2);
      Operand<TFloat32> k4 = v.at(tf, axpy(tf, h, k3, theta), times[s + 1]);
      theta = axpy(tf, h / 6, rk4(tf, k1, k2, k3, k4), theta);
    }
    return theta;
  }

  /**
   * θ carried along {@code times} as {@link #solve}, with ∫ ∇·v dt along the path by the same scheme: {θ_end of shape
   * [batch, dim], the integral of shape [batch]}. {@code probe} is null for the exact divergence, or one
   * standard-normal row per θ row for Hutchinson's estimate.
   */
  public static Operand<TFloat32>[] solveWithDivergence(Ops tf, Operand<TFloat32> theta, float[] times, Velocity v,
      int dim, Operand<TFloat32> probe) {
    Operand<TFloat32> integral = null;
    for (int s = 0; s + 1 < times.length; s++) {
      float t = times[s];
      float h = times[s + 1] - t;
      Operand<TFloat32>[] k1 = withDivergence(tf, theta, t, v, dim, probe);
      Operand<TFloat32>[] k2 = withDivergence(tf, axpy(tf, h / 2, k1[0], theta), t + h / 2, v, dim, probe);
      Operand<TFloat32>[] k3 = withDivergence(tf, axpy(tf, h / 2, k2[0], theta), t + h / 2, v, dim, probe);
      Operand<TFloat32>[] k4 = withDivergence(tf, axpy(tf, h, k3[0], theta), times[s + 1], v, dim, probe);
      theta = axpy(tf, h / 6, rk4(tf, k1[0], k2[0], k3[0], k4[0]), theta);
      Operand<TFloat32> step = tf.math.mul(tf.constant(h / 6), rk4(tf, k1[1], k2[1], k3[1], k4[1]));
      integral = integral == null ? step : tf.math.add(integral, step);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {theta, tf.reshape(integral, tf.constant(new int[] {-1}))};
    return out;
  }

  /**
   * log q(θ) of a flow whose base N(0, scale² I) sits at the grid's last time and whose data sit at its first:
   * log N(θ_end; 0, scale² I) + ∫ ∇·v dt along the grid.
   */
  public static Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> theta, float[] times, Velocity v, int dim,
      Operand<TFloat32> probe, double scale) {
    Operand<TFloat32>[] end = solveWithDivergence(tf, theta, times, v, dim, probe);
    Operand<TFloat32> base = scale == 1 ? DensityGraph.standardNormalLogProb(tf, end[0], dim)
        : tf.math.sub(DensityGraph.standardNormalLogProb(tf, tf.math.div(end[0], tf.constant((float) scale)), dim),
            tf.constant((float) (dim * Math.log(scale))));
    return tf.math.add(base, end[1]);
  }

  /** {v, ∇·v} at θ and time t: [batch, dim] and [batch, 1]. */
  private static Operand<TFloat32>[] withDivergence(Ops tf, Operand<TFloat32> theta, float t, Velocity velocity,
      int dim, Operand<TFloat32> probe) {
    // θ through an identity, so that the gradients end at this evaluation's own input
    Operand<TFloat32> at = tf.identity(theta);
    Operand<TFloat32> v = velocity.at(tf, at, t);
    Graph graph = (Graph) tf.scope().env();
    Operand<TFloat32> divergence = null;
    if (probe != null) {
      Operand<TFloat32> grad = gradient(graph, tf.reduceSum(tf.math.mul(v, probe), tf.constant(new int[] {0, 1})), at);
      divergence = tf.reduceSum(tf.math.mul(grad, probe), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
    } else {
      for (int i = 0; i < dim; i++) {
        Operand<TFloat32> vi = tf.slice(v, tf.constant(new int[] {0, i}), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> dii = tf.slice(gradient(graph, vi, at), tf.constant(new int[] {0, i}),
            tf.constant(new int[] {-1, 1}));
        divergence = divergence == null ? dii : tf.math.add(divergence, dii);
      }
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {v, divergence};
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> gradient(Graph graph, Operand<TFloat32> y, Operand<TFloat32> x) {
    return (Operand<TFloat32>) graph.addGradients(y.asOutput(), new Output<?>[] {x.asOutput()})[0];
  }

  /** y + a·x. */
  public static Operand<TFloat32> axpy(Ops tf, float a, Operand<TFloat32> x, Operand<TFloat32> y) {
    return tf.math.add(y, tf.math.mul(tf.constant(a), x));
  }

  /** k1 + 2 k2 + 2 k3 + k4. */
  private static Operand<TFloat32> rk4(Ops tf, Operand<TFloat32> k1, Operand<TFloat32> k2, Operand<TFloat32> k3,
      Operand<TFloat32> k4) {
    return tf.math.add(tf.math.add(k1, k4), tf.math.mul(tf.constant(2f), tf.math.add(k2, k3)));
  }
}
