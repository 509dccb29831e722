package org.jsbi.inference.embeddings;

import java.util.List;
import org.jsbi.api.DataShape;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A gated recurrent unit (Cho et al. 2014) run over the sequence, its last state mapped linearly to the output. The
 * recurrence is unrolled in the graph (TensorFlow Java has no gradient for its loop op), so each of its steps reads a
 * block of consecutive steps of the series (at most {@link #MAX_UNROLLED} recurrent steps: blocks of 4 for 100
 * steps; the series is padded with zeros at its start to whole blocks, so the last state follows the last value),
 * and the inputs' three gate projections are computed for all blocks in one product. Unrolled step by step over
 * 100 steps, one training run of NPE at 10³ simulations took over four minutes.
 */
final class GruEmbedding implements Embedding {
  static final int MAX_UNROLLED = 25;

  private final DataShape shape;
  private final int block;
  private final int blocks;
  private final int hidden;
  private final int features;
  private final Operand<TFloat32> w;
  private final Operand<TFloat32> u;
  private final Operand<TFloat32> b;
  private final Operand<TFloat32> outW;
  private final Operand<TFloat32> outB;

  GruEmbedding(Parameters p, DataShape shape, int hidden, int features) {
    this.shape = shape;
    this.hidden = hidden;
    this.features = features;
    this.block = (shape.steps() + MAX_UNROLLED - 1) / MAX_UNROLLED;
    this.blocks = (shape.steps() + block - 1) / block;
    w = p.matrix("gru.w", block * shape.channels(), 3 * hidden);
    u = p.matrix("gru.u", hidden, 3 * hidden);
    b = p.vector("gru.b", 3 * hidden, 0f);
    outW = p.matrix("gru.out.w", hidden, features);
    outB = p.vector("gru.out.b", features, 0f);
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition) {
    int t = blocks;
    int width = block * shape.channels();
    int pad = blocks * width - shape.columns();
    Operand<TFloat32> x0 = pad == 0 ? condition
        : tf.pad(condition, tf.constant(new int[][] {{0, 0}, {pad, 0}}), tf.constant(0f));
    // [batch · blocks, block · C] × [block · C, 3H]: every block's input projections at once
    Operand<TFloat32> xw = tf.reshape(tf.math.add(tf.linalg.matMul(tf.reshape(x0,
        tf.constant(new int[] {-1, width})), w), b), tf.constant(new int[] {-1, t, 3 * hidden}));
    Operand<TFloat32> h = null;
    for (int s = 0; s < t; s++) {
      Operand<TFloat32> x = tf.reshape(tf.slice(xw, tf.constant(new int[] {0, s, 0}),
          tf.constant(new int[] {-1, 1, 3 * hidden})), tf.constant(new int[] {-1, 3 * hidden}));
      List<Operand<TFloat32>> xs = split(tf, x);
      Operand<TFloat32> z;
      Operand<TFloat32> r;
      Operand<TFloat32> n;
      if (h == null) { // h₀ = 0
        z = tf.math.sigmoid(xs.get(0));
        n = tf.math.tanh(xs.get(2));
        h = tf.math.mul(tf.math.sub(tf.constant(1f), z), n);
        continue;
      }
      List<Operand<TFloat32>> hs = split(tf, tf.linalg.matMul(h, u));
      z = tf.math.sigmoid(tf.math.add(xs.get(0), hs.get(0)));
      r = tf.math.sigmoid(tf.math.add(xs.get(1), hs.get(1)));
      n = tf.math.tanh(tf.math.add(xs.get(2), tf.math.mul(r, hs.get(2))));
      // h = (1 − z) ⊙ n + z ⊙ h
      h = tf.math.add(n, tf.math.mul(z, tf.math.sub(h, n)));
    }
    return tf.math.add(tf.linalg.matMul(h, outW), outB);
  }

  /** The update, reset and candidate parts of a [batch, 3H] projection. */
  private List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> x) {
    return List.of(
        tf.slice(x, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, hidden})),
        tf.slice(x, tf.constant(new int[] {0, hidden}), tf.constant(new int[] {-1, hidden})),
        tf.slice(x, tf.constant(new int[] {0, 2 * hidden}), tf.constant(new int[] {-1, hidden})));
  }
}
