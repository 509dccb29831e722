package org.jsbi.inference.flows;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Monotonic rational-quadratic splines with linear tails (Durkan et al. 2019, "Neural Spline Flows"; Gregory and
 * Delbourgo 1982), applied element-wise. Each element has {@code bins} bins on [−bound, bound] given by
 * unnormalized widths, heights and interior derivatives; outside the interval the map is the identity, and the
 * boundary derivatives are 1 so the two join smoothly. All-zero raw parameters give the identity.
 *
 * <p>The graph is built for few ops, because at these sizes each op's fixed cost outweighs its arithmetic: elements
 * are flattened to rows, knots come from one matrix product with a triangular constant (TensorFlow's cumulative
 * sum costs ten times as much here), and a bin's six numbers are read with one multiply-and-sum.
 */
final class RationalQuadraticSpline implements ElementwiseTransform {
  static final float MIN_BIN = 1e-3f;
  static final float MIN_DERIVATIVE = 1e-3f;
  /** softplus(raw + this) + MIN_DERIVATIVE is 1 at raw = 0. */
  private static final float DERIVATIVE_SHIFT = (float) Math.log(Math.expm1(1 - MIN_DERIVATIVE));

  private final int bins;
  private final float bound;
  /** [bins, bins], 1 where row &lt; column: a product with it sums the bins to the left of each. */
  private final float[] before;

  RationalQuadraticSpline(int bins, float bound) {
    this.bins = bins;
    this.bound = bound;
    this.before = new float[bins * bins];
    for (int i = 0; i < bins; i++) {
      for (int j = i + 1; j < bins; j++) {
        before[i * bins + j] = 1f;
      }
    }
  }

  /** Parameters per element: widths, heights (bins each) and interior derivatives (bins − 1). */
  @Override
  public int parametersPerElement() {
    return 3 * bins - 1;
  }

  /** The selected bin of each element: left knot (x0, y0), width, height, end derivatives, and height / width. */
  private record Bin(Operand<TFloat32> x0, Operand<TFloat32> width, Operand<TFloat32> y0, Operand<TFloat32> height,
      Operand<TFloat32> leftDerivative, Operand<TFloat32> rightDerivative, Operand<TFloat32> slope) {}

  /**
   * The bins holding {@code v} (flattened, [m]), from raw parameters [m, 3·bins − 1]; {@code byHeight} locates v
   * among the output knots (for the inverse) instead of the input knots.
   */
  private Bin locate(Ops tf, Operand<TFloat32> v, Operand<TFloat32> raw, boolean byHeight) {
    List<Operand<TFloat32>> whd = new ArrayList<>();
    tf.splitV(raw, tf.constant(new int[] {bins, bins, bins - 1}), tf.constant(1), 3L).forEach(whd::add);
    Operand<TFloat32> widths = sizes(tf, whd.get(0));
    Operand<TFloat32> heights = sizes(tf, whd.get(1));
    Operand<TFloat32> x0 = leftKnots(tf, widths);
    Operand<TFloat32> y0 = leftKnots(tf, heights);
    // Interior derivatives softplus(d + shift) + MIN_DERIVATIVE, and exactly the same form with d = 0 at both ends.
    Operand<TFloat32> d = tf.math.add(tf.math.softplus(tf.math.add(tf.pad(whd.get(2),
        tf.constant(new int[][] {{0, 0}, {1, 1}}), tf.constant(0f)), tf.constant(DERIVATIVE_SHIFT))), tf.constant(MIN_DERIVATIVE));
    // The bin index: how many left knots lie at or below v, less one (the first knot is −bound ≤ v).
    Operand<TFloat32> knots = byHeight ? y0 : x0;
    Operand<TInt32> count = tf.dtypes.cast(tf.reduceSum(tf.dtypes.cast(tf.math.greaterEqual(
        tf.expandDims(v, tf.constant(1)), knots), TFloat32.class), tf.constant(1)), TInt32.class);
    Operand<TFloat32> bin = tf.stopGradient(tf.oneHot(tf.math.sub(count, tf.constant(1)), tf.constant(bins),
        tf.constant(1f), tf.constant(0f)));
    Operand<TFloat32> ends = tf.stopGradient(tf.stack(List.of(
        tf.oneHot(tf.math.sub(count, tf.constant(1)), tf.constant(bins + 1), tf.constant(1f), tf.constant(0f)),
        tf.oneHot(count, tf.constant(bins + 1), tf.constant(1f), tf.constant(0f))), Stack.axis(1L)));
    List<Operand<TFloat32>> k = unstack(tf, tf.reduceSum(tf.math.mul(tf.stack(List.of(x0, widths, y0, heights),
        Stack.axis(1L)), tf.expandDims(bin, tf.constant(1))), tf.constant(2)), 4);
    List<Operand<TFloat32>> dd = unstack(tf, tf.reduceSum(tf.math.mul(tf.expandDims(d, tf.constant(1)), ends),
        tf.constant(2)), 2);
    return new Bin(k.get(0), k.get(1), k.get(2), k.get(3), dd.get(0), dd.get(1), tf.math.div(k.get(3), k.get(1)));
  }

  /** Bin sizes [m, bins] on the interval, each at least MIN_BIN of it, summing to its length. */
  private Operand<TFloat32> sizes(Ops tf, Operand<TFloat32> unnormalized) {
    return tf.math.add(tf.math.mul(tf.nn.softmax(unnormalized), tf.constant(2 * bound * (1 - MIN_BIN * bins))),
        tf.constant(2 * bound * MIN_BIN));
  }

  /** −bound plus the sizes of the bins to the left: [m, bins]. */
  private Operand<TFloat32> leftKnots(Ops tf, Operand<TFloat32> sizes) {
    return tf.math.add(tf.linalg.matMul(sizes, tf.constant(Shape.of(bins, bins), DataBuffers.of(before))),
        tf.constant(-bound));
  }

  /** y = s(x) and log |dy/dx| for each element; x and the result have shape [batch, n]. */
  @Override
  public Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> x, Operand<TFloat32> raw) {
    int n = (int) raw.shape().get(1);
    Operand<TFloat32> flat = flatten(tf, x);
    Operand<TFloat32> inside = insideMask(tf, flat);
    Operand<TFloat32> xc = clamp(tf, flat);
    Bin b = locate(tf, xc, rows(tf, raw), false);
    Operand<TFloat32> d0 = b.leftDerivative();
    Operand<TFloat32> d1 = b.rightDerivative();
    Operand<TFloat32> s = b.slope();
    Operand<TFloat32> xi = tf.math.div(tf.math.sub(xc, b.x0()), b.width());
    Operand<TFloat32> oneMinus = tf.math.sub(tf.constant(1f), xi);
    Operand<TFloat32> xi1 = tf.math.mul(xi, oneMinus);
    Operand<TFloat32> xi2 = tf.math.square(xi);
    Operand<TFloat32> num = tf.math.mul(b.height(), tf.math.add(tf.math.mul(s, xi2), tf.math.mul(d0, xi1)));
    Operand<TFloat32> den = tf.math.add(s, tf.math.mul(tf.math.sub(tf.math.add(d1, d0), tf.math.add(s, s)), xi1));
    Operand<TFloat32> y = tf.math.add(b.y0(), tf.math.div(num, den));
    Operand<TFloat32> dnum = tf.math.mul(tf.math.square(s), tf.math.add(tf.math.add(tf.math.mul(d1, xi2),
        tf.math.mul(tf.math.add(s, s), xi1)), tf.math.mul(d0, tf.math.square(oneMinus))));
    Operand<TFloat32> logDet = tf.math.sub(tf.math.log(dnum), tf.math.add(tf.math.log(den), tf.math.log(den)));
    return pair(unflatten(tf, blend(tf, inside, y, flat), n), unflatten(tf, tf.math.mul(inside, logDet), n));
  }

  /** x = s⁻¹(y) for each element, solving the bin's quadratic in closed form. */
  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y, Operand<TFloat32> raw) {
    int n = (int) raw.shape().get(1);
    Operand<TFloat32> flat = flatten(tf, y);
    Operand<TFloat32> inside = insideMask(tf, flat);
    Operand<TFloat32> yc = clamp(tf, flat);
    Bin b = locate(tf, yc, rows(tf, raw), true);
    Operand<TFloat32> h = b.height();
    Operand<TFloat32> d0 = b.leftDerivative();
    Operand<TFloat32> s = b.slope();
    Operand<TFloat32> dy = tf.math.sub(yc, b.y0());
    Operand<TFloat32> t = tf.math.sub(tf.math.add(b.rightDerivative(), d0), tf.math.mul(tf.constant(2f), s));
    // ξ solves qa·ξ² + qb·ξ + qc = 0; this root form is the numerically stable one.
    Operand<TFloat32> qa = tf.math.add(tf.math.mul(h, tf.math.sub(s, d0)), tf.math.mul(dy, t));
    Operand<TFloat32> qb = tf.math.sub(tf.math.mul(h, d0), tf.math.mul(dy, t));
    Operand<TFloat32> qc = tf.math.neg(tf.math.mul(s, dy));
    Operand<TFloat32> disc = tf.math.maximum(tf.math.sub(tf.math.square(qb), tf.math.mul(tf.constant(4f),
        tf.math.mul(qa, qc))), tf.constant(0f));
    Operand<TFloat32> xi = tf.math.div(tf.math.mul(tf.constant(2f), qc), tf.math.sub(tf.math.neg(qb),
        tf.math.sqrt(disc)));
    Operand<TFloat32> x = tf.math.add(tf.math.mul(xi, b.width()), b.x0());
    return unflatten(tf, blend(tf, inside, x, flat), n);
  }

  private Operand<TFloat32> insideMask(Ops tf, Operand<TFloat32> v) {
    return tf.dtypes.cast(tf.math.lessEqual(tf.math.abs(v), tf.constant(bound)), TFloat32.class);
  }

  /** Keeps the spline branch finite for elements in the tails, whose result is discarded anyway. */
  private Operand<TFloat32> clamp(Ops tf, Operand<TFloat32> v) {
    return tf.clipByValue(v, tf.constant(-bound), tf.constant(bound));
  }

  private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> mask, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(b, tf.math.mul(mask, tf.math.sub(a, b)));
  }

  private static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
    return tf.reshape(x, tf.constant(new int[] {-1}));
  }

  private static Operand<TFloat32> unflatten(Ops tf, Operand<TFloat32> v, int n) {
    return tf.reshape(v, tf.constant(new int[] {-1, n}));
  }

  private Operand<TFloat32> rows(Ops tf, Operand<TFloat32> raw) {
    return tf.reshape(raw, tf.constant(new int[] {-1, parametersPerElement()}));
  }

  private static List<Operand<TFloat32>> unstack(Ops tf, Operand<TFloat32> t, int n) {
    List<Operand<TFloat32>> out = new ArrayList<>();
    tf.unstack(t, (long) n, Unstack.axis(1L)).forEach(out::add);
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<TFloat32>[] pair(Operand<TFloat32> a, Operand<TFloat32> b) {
    return new Operand[] {a, b};
  }
}
