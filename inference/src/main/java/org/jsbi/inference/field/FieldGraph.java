package org.jsbi.inference.field;

import java.util.List;
import org.jsbi.inference.density.DensityGraph;
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
