package org.jsbi.inference.npe;

import java.util.Arrays;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * log Q(c), the mass that q(· | c) puts inside a box of the input space, for training q as a density truncated to
 * that box: the loss −log q(u | c) + log Q(c) is the negative log-density of q restricted to the box and
 * renormalized, which is what rejection sampling to the box draws from. q may then put mass outside the box
 * wherever that lets it fit the inside better, as where a prior's bounds cut a posterior off.
 *
 * <p>Q(c) has no closed form. Its value is estimated from K draws u'ₖ ~ q(· | c) as the share inside the box, and
 * its gradient by the score-function identity ∇ log Q = E[∇ log q(u' | c) | u' inside], with the draws held
 * fixed: Σₖ (mₖ / Σⱼ mⱼ − 1/K) ∇ log q(u'ₖ | c), where mₖ says whether u'ₖ is inside. The −1/K term has
 * expectation zero (E_q[∇ log q] = 0) and makes the estimate exactly zero when every draw is inside.
 */
final class SupportNormalizer {
  /** Draws of u' per row in a training minibatch. */
  static final int TRAINING_DRAWS = 4;
  /** Draws of u' per row for the validation loss, with a fixed seed. */
  static final int VALIDATION_DRAWS = 32;

  private final float[] lower;
  private final float[] upper;

  private SupportNormalizer(float[] lower, float[] upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /** The box [lower, upper] (infinite ends allowed) in the standardized units of {@code s}. */
  static SupportNormalizer of(double[] lower, double[] upper, Standardization s) {
    int d = s.mean().length;
    if (lower.length != d || upper.length != d) {
      throw new IllegalArgumentException("support: expected bounds for " + d + " input columns, got "
          + lower.length + " and " + upper.length);
    }
    float[] lo = new float[d];
    float[] hi = new float[d];
    for (int j = 0; j < d; j++) {
      if (!(lower[j] < upper[j]) || Double.isNaN(lower[j]) || Double.isNaN(upper[j])) {
        throw new IllegalArgumentException("support: expected lower < upper in column " + j + ", got "
            + lower[j] + " and " + upper[j]);
      }
      lo[j] = (float) ((lower[j] - s.mean()[j]) / s.std()[j]);
      hi[j] = (float) ((upper[j] - s.mean()[j]) / s.std()[j]);
    }
    return new SupportNormalizer(lo, hi);
  }

  /** Whether the box bounds any column at all; if not, Q = 1 and training needs no correction. */
  static boolean bounds(double[] lower, double[] upper) {
    return Arrays.stream(lower).anyMatch(Double::isFinite) || Arrays.stream(upper).anyMatch(Double::isFinite);
  }

  /**
   * Per row of {@code c} (of {@code rows} rows): a value of log Q(c) estimated from {@code draws} draws, whose
   * gradient is the score-function estimate of ∇ log Q(c) described above.
   */
  Operand<TFloat32> logMass(Ops tf, DensityGraph g, Operand<TFloat32> c, int rows, int draws,
      Operand<TInt64> seed) {
    int dim = lower.length;
    Operand<TFloat32> cs = tf.tile(c, tf.constant(new int[] {draws, 1})); // row k·rows + r is row r
    Operand<TFloat32> noise = tf.stopGradient(tf.random.statelessRandomNormal(
        tf.constant(new int[] {draws * rows, g.noiseDim()}), seed));
    Operand<TFloat32> u = tf.stopGradient(g.sample(tf, noise, cs));
    Operand<TBool> inside = tf.reduceAll(tf.math.logicalAnd(
        tf.math.greaterEqual(u, tf.constant(Shape.of(1, dim), DataBuffers.of(lower))),
        tf.math.lessEqual(u, tf.constant(Shape.of(1, dim), DataBuffers.of(upper)))),
        tf.constant(1));
    Operand<TFloat32> m = tf.reshape(tf.dtypes.cast(inside, TFloat32.class), tf.constant(new int[] {draws, rows}));
    Operand<TFloat32> logDensity = tf.reshape(g.logProb(tf, u, cs), tf.constant(new int[] {draws, rows}));
    Operand<TFloat32> count = tf.reduceSum(m, tf.constant(0));
    Operand<TFloat32> value = tf.math.log(tf.math.div(tf.math.maximum(count, tf.constant(0.5f)),
        tf.constant((float) draws)));
    Operand<TFloat32> weights = tf.math.sub(tf.math.div(m, tf.math.maximum(count, tf.constant(1f))),
        tf.constant(1f / draws));
    Operand<TFloat32> score = tf.reduceSum(tf.math.mul(weights, logDensity), tf.constant(0));
    // The value of log Q̂, the gradient of the score term.
    return tf.math.add(tf.stopGradient(value), tf.math.sub(score, tf.stopGradient(score)));
  }
}
