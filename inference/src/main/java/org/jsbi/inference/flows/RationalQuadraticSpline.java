package org.jsbi.inference.flows;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Monotonic rational-quadratic splines with linear tails (Durkan et al. 2019, "Neural Spline Flows"; Gregory and
 * Delbourgo 1982), applied element-wise. Each element has {@code bins} bins on [−bound, bound] given by
 * unnormalized widths, heights and interior derivatives; outside the interval the map is the identity, and the
 * boundary derivatives are 1 so the two join smoothly.
 */
final class RationalQuadraticSpline implements ElementwiseTransform {
  static final float MIN_BIN = 1e-3f;
  static final float MIN_DERIVATIVE = 1e-3f;

  private final int bins;
  private final float bound;

  RationalQuadraticSpline(int bins, float bound) {
    this.bins = bins;
    this.bound = bound;
  }

  /** Parameters per element: widths, heights (bins each) and interior derivatives (bins − 1). */
  @Override
  public int parametersPerElement() {
    return 3 * bins - 1;
  }

  /** One bin per element: its left knot (x0, y0), width, height, end derivatives and slope height / width. */
  private record Bin(Operand<TFloat32> x0, Operand<TFloat32> width, Operand<TFloat32> y0, Operand<TFloat32> height,
      Operand<TFloat32> leftDerivative, Operand<TFloat32> rightDerivative, Operand<TFloat32> slope) {}

  /** The knots and derivatives of one batch of splines, from raw parameters of shape [batch, n, 3·bins − 1]. */
  private final class Knots {
    final Operand<TFloat32> xs; // [batch, n, bins + 1]
    final Operand<TFloat32> ys; // [batch, n, bins + 1]
    final Operand<TFloat32> stacked; // [batch, n, 6, bins]

    Knots(Ops tf, Operand<TFloat32> raw) {
      // Split and unstack rather than slice: the same values, and their gradients are one concat or stack each
      // where a slice's gradient is a pad with its shape arithmetic, which matters at a few µs per op and step.
      List<Operand<TFloat32>> whd = split(tf, raw, bins, bins, bins - 1);
      xs = knots(tf, whd.get(0));
      ys = knots(tf, whd.get(1));
      // softplus(d) + MIN_DERIVATIVE inside, exactly 1 at both ends (to match the linear tails).
      Operand<TFloat32> inner = tf.math.add(tf.math.softplus(whd.get(2)), tf.constant(MIN_DERIVATIVE));
      Operand<TFloat32> one = tf.stopGradient(tf.onesLike(slice(tf, raw, 0, 1)));
      // Left and right knots of every bin, stacked: [batch, n, 6, bins], so one multiply-and-sum reads a bin.
      Operand<TFloat32> x0 = split(tf, xs, bins, 1).get(0);
      Operand<TFloat32> y0 = split(tf, ys, bins, 1).get(0);
      Operand<TFloat32> dLeft = tf.concat(List.of(one, inner), tf.constant(-1));
      Operand<TFloat32> dRight = tf.concat(List.of(inner, one), tf.constant(-1));
      stacked = tf.stack(List.of(x0, tf.math.sub(split(tf, xs, 1, bins).get(1), x0), y0,
          tf.math.sub(split(tf, ys, 1, bins).get(1), y0), dLeft, dRight), org.tensorflow.op.core.Stack.axis(2L));
    }

    /** The bin selected by {@code onehot}. */
    Bin bin(Ops tf, Operand<TFloat32> onehot) {
      Operand<TFloat32> picked = tf.reduceSum(tf.math.mul(stacked, tf.expandDims(onehot, tf.constant(2))),
          tf.constant(-1));
      List<Operand<TFloat32>> out = new java.util.ArrayList<>();
      tf.unstack(picked, 6L, org.tensorflow.op.core.Unstack.axis(2L)).forEach(out::add);
      return new Bin(out.get(0), out.get(1), out.get(2), out.get(3), out.get(4), out.get(5),
          tf.math.div(out.get(3), out.get(1)));
    }

    private Operand<TFloat32> knots(Ops tf, Operand<TFloat32> unnormalized) {
      Operand<TFloat32> sizes = tf.math.add(tf.math.mul(tf.nn.softmax(unnormalized),
          tf.constant(1 - MIN_BIN * bins)), tf.constant(MIN_BIN));
      Operand<TFloat32> cum = tf.math.cumsum(sizes, tf.constant(-1));
      Operand<TFloat32> zero = tf.zerosLike(slice(tf, unnormalized, 0, 1));
      Operand<TFloat32> unit = tf.concat(List.of(zero, cum), tf.constant(-1));
      return tf.math.sub(tf.math.mul(unit, tf.constant(2 * bound)), tf.constant(bound));
    }
  }

  /** y = s(x) and log |dy/dx| for each element; x and the result have shape [batch, n]. */
  @Override
  public Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> x, Operand<TFloat32> raw) {
    Knots k = new Knots(tf, raw);
    Operand<TFloat32> inside = insideMask(tf, x);
    Operand<TFloat32> xc = clamp(tf, x);
    Bin b = k.bin(tf, binOf(tf, xc, k.xs));
    Operand<TFloat32> h = b.height();
    Operand<TFloat32> d0 = b.leftDerivative();
    Operand<TFloat32> d1 = b.rightDerivative();
    Operand<TFloat32> s = b.slope();
    Operand<TFloat32> xi = tf.math.div(tf.math.sub(xc, b.x0()), b.width());
    Operand<TFloat32> xi1 = tf.math.mul(xi, tf.math.sub(tf.constant(1f), xi));
    Operand<TFloat32> num = tf.math.mul(h, tf.math.add(tf.math.mul(s, tf.math.square(xi)), tf.math.mul(d0, xi1)));
    Operand<TFloat32> den = tf.math.add(s, tf.math.mul(tf.math.sub(tf.math.add(d1, d0), tf.math.mul(
        tf.constant(2f), s)), xi1));
    Operand<TFloat32> y = tf.math.add(b.y0(), tf.math.div(num, den));
    Operand<TFloat32> oneMinus = tf.math.sub(tf.constant(1f), xi);
    Operand<TFloat32> dnum = tf.math.mul(tf.math.square(s), tf.math.add(tf.math.add(
        tf.math.mul(d1, tf.math.square(xi)), tf.math.mul(tf.math.mul(tf.constant(2f), s), xi1)),
        tf.math.mul(d0, tf.math.square(oneMinus))));
    Operand<TFloat32> logDet = tf.math.sub(tf.math.log(dnum), tf.math.mul(tf.constant(2f), tf.math.log(den)));
    return pair(blend(tf, inside, y, x), tf.math.mul(inside, logDet));
  }

  /** x = s⁻¹(y) for each element, solving the bin's quadratic in closed form. */
  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y, Operand<TFloat32> raw) {
    Knots k = new Knots(tf, raw);
    Operand<TFloat32> inside = insideMask(tf, y);
    Operand<TFloat32> yc = clamp(tf, y);
    Bin b = k.bin(tf, binOf(tf, yc, k.ys));
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
    return blend(tf, inside, x, y);
  }

  private Operand<TFloat32> insideMask(Ops tf, Operand<TFloat32> v) {
    return tf.dtypes.cast(tf.math.logicalAnd(tf.math.greaterEqual(v, tf.constant(-bound)),
        tf.math.lessEqual(v, tf.constant(bound))), TFloat32.class);
  }

  /** Keeps the spline branch finite for elements in the tails, whose result is discarded anyway. */
  private Operand<TFloat32> clamp(Ops tf, Operand<TFloat32> v) {
    return tf.math.minimum(tf.math.maximum(v, tf.constant(-bound)), tf.constant(bound));
  }

  /** One-hot [batch, n, bins] of the bin holding v: the number of interior knots at or below v. */
  private Operand<TFloat32> binOf(Ops tf, Operand<TFloat32> v, Operand<TFloat32> knots) {
    Operand<TFloat32> interior = split(tf, knots, 1, bins - 1, 1).get(1);
    Operand<TFloat32> expanded = tf.expandDims(v, tf.constant(-1));
    Operand<TFloat32> below = tf.dtypes.cast(tf.math.greaterEqual(expanded, interior), TFloat32.class);
    Operand<TInt32> index = tf.dtypes.cast(tf.reduceSum(below, tf.constant(-1)), TInt32.class);
    return tf.stopGradient(tf.oneHot(index, tf.constant(bins), tf.constant(1f), tf.constant(0f)));
  }

  private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> mask, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.add(tf.math.mul(mask, a), tf.math.mul(tf.math.sub(tf.constant(1f), mask), b));
  }

  /** raw[..., from : from + size] along the last axis of a rank-3 tensor. */
  private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> raw, int from, int size) {
    return tf.slice(raw, tf.constant(new int[] {0, 0, from}), tf.constant(new int[] {-1, -1, size}));
  }

  /** Splits the last axis of a rank-3 tensor into consecutive parts of the given sizes. */
  private static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> t, int... sizes) {
    List<Operand<TFloat32>> parts = new java.util.ArrayList<>();
    tf.splitV(t, tf.constant(sizes), tf.constant(-1), (long) sizes.length).forEach(parts::add);
    return parts;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<TFloat32>[] pair(Operand<TFloat32> a, Operand<TFloat32> b) {
    return new Operand[] {a, b};
  }
}
