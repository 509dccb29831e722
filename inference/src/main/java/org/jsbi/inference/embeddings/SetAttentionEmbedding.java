package org.jsbi.inference.embeddings;

import java.util.List;
import org.jsbi.api.DataShape;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * A set transformer (Lee et al. 2019) over a set of i.i.d. trials: each trial embedded by a ReLU layer, one
 * self-attention block (SAB: multihead attention of every trial to every trial, then a ReLU feed-forward layer, each
 * with a residual connection) so that trials are seen in the light of the others, then pooling by multihead
 * attention (PMA) from one learned seed vector, and log N beside it into a linear output. Trials past N are masked
 * out as keys everywhere, so the output does not depend on the padding nor on the trials' order.
 */
final class SetAttentionEmbedding implements SetEmbedding {
  static final int HEADS = 4;

  private final DataShape shape;
  private final int hidden;
  private final int features;
  private final Operand<TFloat32> inW;
  private final Operand<TFloat32> inB;
  private final Block self;
  private final Block pool;
  private final Operand<TFloat32> seed;
  private final Operand<TFloat32> outW;
  private final Operand<TFloat32> outB;

  SetAttentionEmbedding(Parameters p, DataShape shape, int hidden, int features) {
    if (hidden % HEADS != 0) {
      throw new IllegalArgumentException("hidden: expected a multiple of " + HEADS + " heads, got " + hidden);
    }
    this.shape = shape;
    this.hidden = hidden;
    this.features = features;
    inW = p.matrix("setattention.in.w", shape.channels(), hidden);
    inB = p.vector("setattention.in.b", hidden, 0f);
    self = new Block(p, "setattention.sab", hidden);
    pool = new Block(p, "setattention.pma", hidden);
    seed = p.matrix("setattention.pma.seed", 1, hidden);
    outW = p.matrix("setattention.out.w", hidden + 1, features);
    outB = p.vector("setattention.out.b", features, 0f);
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public DataShape shape() {
    return shape;
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition) {
    int m = shape.maxTrials();
    Operand<TFloat32> n = TrialsLayout.count(tf, condition);
    Operand<TFloat32> h = tf.reshape(tf.nn.relu(tf.math.add(tf.linalg.matMul(TrialsLayout.trials(tf, condition,
        shape), inW), inB)), tf.constant(new int[] {-1, m, hidden}));
    Operand<TFloat32> real = TrialsLayout.real(tf, n, shape);
    // 0 for a real trial, −10⁹ for padding: added to the attention scores of every query, per key
    Operand<TFloat32> keyBias = tf.reshape(tf.math.mul(tf.math.sub(real, tf.constant(1f)), tf.constant(1e9f)),
        tf.constant(new int[] {-1, 1, 1, m}));
    h = self.apply(tf, h, h, keyBias, m);
    // the learned seed, once per row: zeros shaped like one trial's row, plus the seed
    Operand<TFloat32> zeros = tf.stopGradient(tf.zerosLike(tf.slice(h, tf.constant(new int[] {0, 0, 0}),
        tf.constant(new int[] {-1, 1, hidden}))));
    Operand<TFloat32> seeds = tf.math.add(zeros, tf.reshape(seed, tf.constant(new int[] {1, 1, hidden})));
    Operand<TFloat32> pooled = tf.reshape(pool.apply(tf, seeds, h, keyBias, 1), tf.constant(new int[] {-1,
        hidden}));
    return tf.math.add(tf.linalg.matMul(tf.concat(List.of(pooled, tf.math.log(n)), tf.constant(1)), outW), outB);
  }

  /** A multihead attention block: O = Q + Attention(Q, K); out = O + ReLU(O W + b). */
  private final class Block {
    private final Operand<TFloat32> wq;
    private final Operand<TFloat32> wk;
    private final Operand<TFloat32> wv;
    private final Operand<TFloat32> wo;
    private final Operand<TFloat32> bo;

    Block(Parameters p, String name, int d) {
      wq = p.matrix(name + ".wq", d, d);
      wk = p.matrix(name + ".wk", d, d);
      wv = p.matrix(name + ".wv", d, d);
      wo = p.matrix(name + ".wo", d, d);
      bo = p.vector(name + ".bo", d, 0f);
    }

    /** queries [B, q, d] attending to keys [B, m, d]; keyBias [B, 1, 1, m]. */
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> queries, Operand<TFloat32> keys, Operand<TFloat32> keyBias,
        int q) {
      int m = shape.maxTrials();
      int dh = hidden / HEADS;
      Operand<TFloat32> qh = heads(tf, project(tf, queries, wq), q, dh);
      Operand<TFloat32> kh = heads(tf, project(tf, keys, wk), m, dh);
      Operand<TFloat32> vh = heads(tf, project(tf, keys, wv), m, dh);
      Operand<TFloat32> scores = tf.math.add(tf.math.mul(tf.train.batchMatMul(qh, kh, TFloat32.class,
          BatchMatMul.adjY(true)), tf.constant((float) (1 / Math.sqrt(dh)))), keyBias);
      Operand<TFloat32> attended = tf.train.batchMatMul(tf.nn.softmax(scores), vh, TFloat32.class);
      // [B, heads, q, dh] → [B, q, heads · dh]
      Operand<TFloat32> joined = tf.reshape(tf.linalg.transpose(attended, tf.constant(new int[] {0, 2, 1, 3})),
          tf.constant(new int[] {-1, q, hidden}));
      Operand<TFloat32> o = tf.math.add(queries, joined);
      return tf.math.add(o, tf.nn.relu(tf.math.add(project(tf, o, wo), bo)));
    }

    private Operand<TFloat32> project(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w) {
      Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, hidden}));
      return tf.reshape(tf.linalg.matMul(flat, w), tf.shape(x));
    }

    /** [B, rows, heads · dh] → [B, heads, rows, dh]. */
    private Operand<TFloat32> heads(Ops tf, Operand<TFloat32> x, int rows, int dh) {
      return tf.linalg.transpose(tf.reshape(x, tf.constant(new int[] {-1, rows, HEADS, dh})),
          tf.constant(new int[] {0, 2, 1, 3}));
    }
  }
}
