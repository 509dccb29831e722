package org.jsbi.inference.field;

import java.util.List;
import java.util.function.BiFunction;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.SteppedSampling;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * What the estimators that learn a field over θ and time share: a regression loss on fresh noise (so a seed per
 * minibatch, and no likelihood for an objective to add to), and a log-density by an ODE through {@link Ode}, exact
 * up to {@value Ode#EXACT_LIMIT} dimensions of θ and with one probe column per dimension above.
 */
public abstract class FieldGraph implements DensityGraph {
  protected final int dim;

  protected FieldGraph(int dim) {
    this.dim = dim;
  }

  @Override
  public boolean stochasticLoss() {
    return true;
  }

  @Override
  public boolean likelihoodLoss() {
    return false;
  }

  @Override
  public int densityNoiseDim() {
    return Ode.probeDim(dim);
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return logProb(tf, input, condition, null);
  }

  /** log q(u | c) with {@code probe} for Hutchinson's estimate, null (or ignored) when the divergence is exact. */
  @Override
  public abstract Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TFloat32> probe);

  /** {@code probe} where the divergence is estimated, else null. */
  protected Operand<TFloat32> probe(Operand<TFloat32> noise) {
    return densityNoiseDim() == 0 ? null : noise;
  }

  /** The most attempted steps of the adaptive solver per draw: 6,000 evaluations of the field. */
  static final int MAX_ADAPTIVE_STEPS = 1000;

  /**
   * Draws by {@link DormandPrince} along the path from {@code from} to {@code to}, or null where {@code tolerance} is
   * 0 and {@link #sample}'s fixed steps draw.
   *
   * @param startPoint the path's start from the noise
   * @param fieldOf the velocity field for a condition
   */
  protected SteppedSampling adaptive(String kind, double tolerance, float from, float to,
      BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> startPoint,
      BiFunction<Ops, Operand<TFloat32>, DormandPrince.Field> fieldOf) {
    if (tolerance == 0) {
      return null;
    }
    DormandPrince solver = new DormandPrince(dim, from, to, (float) tolerance);
    return new SteppedSampling() {
      @Override
      public int stateDim() {
        return solver.stateDim();
      }

      @Override
      public int progressColumn() {
        return solver.progressColumn();
      }

      @Override
      public int maxSteps() {
        return MAX_ADAPTIVE_STEPS;
      }

      @Override
      public String describe() {
        return kind + "'s adaptive ODE solver (tolerance " + tolerance + ")";
      }

      @Override
      public String remedy() {
        return "a larger tolerance, or tolerance=0 for fixed steps";
      }

      @Override
      public Operand<TFloat32> start(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
        return solver.start(tf, startPoint.apply(tf, noise), fieldOf.apply(tf, condition));
      }

      @Override
      public Operand<TFloat32> step(Ops tf, Operand<TFloat32> state, Operand<TFloat32> condition) {
        return solver.step(tf, state, fieldOf.apply(tf, condition));
      }
    };
  }

  /**
   * A training minibatch's draws: {standard normals of {@code u}'s shape, two columns of uniforms}, from the
   * minibatch's seed and the seed's next value.
   */
  protected Operand<TFloat32>[] trainingDraws(Ops tf, Operand<TFloat32> u, Operand<TInt64> seed) {
    Operand<TInt32> rows = tf.slice(tf.shape(u), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> normal = tf.stopGradient(tf.random.statelessRandomNormal(tf.concat(List.of(rows,
        tf.constant(new int[] {dim})), tf.constant(0)), seed));
    Operand<TFloat32> uniform = tf.stopGradient(tf.random.statelessRandomUniform(tf.concat(List.of(rows,
        tf.constant(new int[] {2})), tf.constant(0)), tf.math.add(seed, tf.constant(new long[] {0L, 1L})),
        TFloat32.class));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {normal, uniform};
    return out;
  }
}
