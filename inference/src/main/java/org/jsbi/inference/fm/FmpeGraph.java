package org.jsbi.inference.fm;

import java.util.List;
import org.jsbi.inference.density.SteppedSampling;
import org.jsbi.inference.field.FieldGraph;
import org.jsbi.inference.field.Ode;
import org.jsbi.inference.field.VectorField;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Flow matching (Lipman et al. 2023) for q(u | c), as FMPE (Dax et al. 2023): a vector field v(θ_t, t, c) trained by
 * regression on the conditional optimal-transport path θ_t = t u + (1 − (1 − σ_min) t) z, z ~ N(0, I), whose
 * velocity is u − (1 − σ_min) z, at times t drawn half uniformly and half with density ∝ t^a (after Dax et al.'s
 * time prior; {@link #times}). Sampling carries standard-normal noise from t = 0 to t = 1 along dθ/dt = v with
 * the classical Runge–Kutta scheme of {@code steps} equal steps, in the graph, batched over every row, or, given a
 * tolerance, by the adaptive Dormand–Prince scheme with a step size per row ({@link #steppedSampling()}). The
 * log-density follows the instantaneous change of variables, log q(u) = log N(θ_0) − ∫₀¹ ∇·v dt, integrated
 * backwards from θ_1 = u by the same scheme ({@link Ode}), with the divergence exact (one gradient per dimension of
 * θ) up to {@value Ode#EXACT_LIMIT} dimensions, a deterministic value accurate to the scheme's discretization, and
 * Hutchinson's unbiased estimate above that, when {@link #densityNoiseDim()} says so.
 */
final class FmpeGraph extends FieldGraph {
  private final int steps;
  private final float sigmaMin;
  private final float timePower;
  private final double tolerance;
  private final VectorField field;

  FmpeGraph(Parameters p, int dim, int conditionDim, FmpeSpec spec) {
    super(dim);
    this.steps = spec.steps();
    this.sigmaMin = (float) spec.sigmaMin();
    this.timePower = (float) spec.timePower();
    this.tolerance = spec.tolerance();
    this.field = new VectorField(p, "fm", dim, conditionDim, spec.hidden(), spec.blocks());
  }

  @Override
  public int noiseDim() {
    return dim;
  }

  /** The flow-matching loss per row: |v(θ_t, t, c) − (u − (1 − σ_min) z)|² with t ~ U(0, 1), z ~ N(0, I). */
  @Override
  public Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TInt64> seed) {
    Operand<TFloat32>[] draws = trainingDraws(tf, u, seed);
    Operand<TFloat32> z = draws[0];
    Operand<TFloat32> t = times(tf, draws[1]);
    Operand<TFloat32> shrink = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(1f - sigmaMin), t));
    Operand<TFloat32> thetaT = tf.math.add(tf.math.mul(t, u), tf.math.mul(shrink, z));
    Operand<TFloat32> target = tf.math.sub(u, tf.math.mul(tf.constant(1f - sigmaMin), z));
    Operand<TFloat32> v = field.apply(tf, thetaT, t, field.condition(tf, c));
    return tf.reduceSum(tf.math.square(tf.math.sub(v, target)), tf.constant(1));
  }

  /**
   * Training times from two uniform columns: for half the rows (by the first) the second column itself, for the
   * others t = U^(1 / (1 + a)), whose density is ∝ t^a. The uniform half keeps the transport from the noise trained;
   * the other half trains the field most where the path nears θ and a posterior's fine structure is resolved.
   */
  private Operand<TFloat32> times(Ops tf, Operand<TFloat32> uniform) {
    Operand<TFloat32> which = tf.slice(uniform, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> u = tf.slice(uniform, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
    if (timePower == 0) {
      return u;
    }

    Operand<TFloat32> late = tf.math.exp(tf.math.mul(tf.constant(1f / (1 + timePower)), tf.math.log(
        tf.math.maximum(u, tf.constant(1e-12f)))));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.less(which, tf.constant(0.5f)), TFloat32.class);
    return tf.math.add(tf.math.mul(keep, u), tf.math.mul(tf.math.sub(tf.constant(1f), keep), late));
  }

  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return Ode.solve(tf, noise, Ode.uniform(0, 1, steps), velocity(tf, condition));
  }

  /** With a tolerance, draws by the adaptive Dormand–Prince solver from t = 0 to 1 instead. */
  @Override
  public SteppedSampling steppedSampling() {
    return adaptive("fmpe", tolerance, 0, 1, (tf, noise) -> noise, (tf, condition) -> {
      List<Operand<TFloat32>> c = field.condition(tf, condition);
      return (ops, theta, t) -> field.apply(ops, theta, t, c);
    });
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TFloat32> noise) {
    return Ode.logProb(tf, input, Ode.uniform(1, 0, steps), velocity(tf, condition), dim,
        probe(noise), 1);
  }

  private Ode.Velocity velocity(Ops tf, Operand<TFloat32> condition) {
    List<Operand<TFloat32>> c = field.condition(tf, condition);
    return (ops, theta, t) -> field.apply(ops, theta, ops.constant(new float[][] {{t}}), c);
  }
}
