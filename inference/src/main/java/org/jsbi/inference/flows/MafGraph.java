package org.jsbi.inference.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Masked autoregressive flow (Papamakarios et al. 2017): a stack of affine autoregressive transforms, each
 * z_i = u_i · exp(s_i(u_&lt;i, c)) + m_i(u_&lt;i, c), with the dimensions shuffled between transforms, as sbi's MAF
 * does. Density evaluation is one pass; sampling inverts each transform dimension by dimension.
 *
 * <p>The shuffles are fixed (drawn from {@link #ORDER_SEED}), so a saved flow rebuilds the same graph, and none is
 * the identity: in two dimensions each one swaps the pair. Until revision 2 ({@link FlowSpec}) the order was
 * reversed between transforms; with eight or ten dimensions that gave each dimension only two sets of predecessors,
 * and on slcp at 10³ simulations the flow's NLE posteriors were behind sbibm's (docs/benchmark-history.md).
 */
final class MafGraph implements FlowGraph {
  static final long ORDER_SEED = 20261123L;

  private final Made[] layers;
  private final int dim;
  /** orders[k][j]: the input dimension that becomes dimension j after transform k. */
  private final int[][] orders;

  MafGraph(Ops tf, Parameters p, int dim, int conditionDim, int hidden, int transforms) {
    this.dim = dim;
    this.layers = new Made[transforms];
    this.orders = orders(dim, transforms);
    for (int k = 0; k < transforms; k++) {
      layers[k] = new Made(tf, p, "maf.t" + k, dim, conditionDim, hidden);
    }
  }

  @Override
  public int noiseDim() {
    return dim;
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return pass(tf, input, condition, true);
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return pass(tf, input, condition, false);
  }

  /** One density pass; returns log q(u | c), or the noise z when {@code density} is false. */
  private Operand<TFloat32> pass(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition, boolean density) {
    Operand<TFloat32> u = input;
    Operand<TFloat32> logDet = null;
    for (int k = 0; k < layers.length; k++) {
      Operand<TFloat32>[] ss = layers[k].shiftAndLogScale(tf, u, condition);
      u = tf.math.add(tf.math.mul(u, tf.math.exp(ss[1])), ss[0]);
      Operand<TFloat32> ld = tf.reduceSum(ss[1], tf.constant(1));
      logDet = logDet == null ? ld : tf.math.add(logDet, ld);
      if (k < layers.length - 1) {
        u = gather(tf, u, orders[k]);
      }
    }
    return density ? tf.math.add(DensityGraph.standardNormalLogProb(tf, u, dim), logDet) : u;
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    Operand<TFloat32> y = noise;
    for (int k = layers.length - 1; k >= 0; k--) {
      if (k < layers.length - 1) {
        y = gather(tf, y, inverse(orders[k]));
      }
      // After pass i, dimensions 0..i are exact, because output i depends only on inputs before i.
      Operand<TFloat32> x = tf.zerosLike(y);
      for (int i = 0; i < dim; i++) {
        Operand<TFloat32>[] ss = layers[k].shiftAndLogScale(tf, x, condition);
        x = tf.math.mul(tf.math.sub(y, ss[0]), tf.math.exp(tf.math.neg(ss[1])));
      }
      y = x;
    }
    return y;
  }

  /** One shuffle per transform, each a permutation of 0..dim−1 other than the identity (when dim &gt; 1). */
  static int[][] orders(int dim, int transforms) {
    Random random = new Random(ORDER_SEED);
    int[][] orders = new int[transforms][];
    for (int k = 0; k < transforms; k++) {
      List<Integer> order = new ArrayList<>(IntStream.range(0, dim).boxed().toList());
      do {
        Collections.shuffle(order, random);
      } while (dim > 1 && IntStream.range(0, dim).allMatch(i -> order.get(i) == i));
      orders[k] = order.stream().mapToInt(Integer::intValue).toArray();
    }
    return orders;
  }

  private static int[] inverse(int[] order) {
    int[] inverse = new int[order.length];
    for (int j = 0; j < order.length; j++) {
      inverse[order[j]] = j;
    }
    return inverse;
  }

  private static Operand<TFloat32> gather(Ops tf, Operand<TFloat32> u, int[] order) {
    return tf.gather(u, tf.constant(order), tf.constant(1));
  }
}
