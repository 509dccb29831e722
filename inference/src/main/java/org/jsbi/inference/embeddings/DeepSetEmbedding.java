package org.jsbi.inference.embeddings;

import java.util.List;
import org.jsbi.api.DataShape;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Deep sets (Zaheer et al. 2017) over a set of i.i.d. trials laid out as {@link DataShape#trials}: a network φ
 * (two ReLU layers) applied to each trial, the mean over the row's N trials (the padding past N masked out), the
 * log of N beside it, and a network ρ (one ReLU layer and a linear output) to the features. The mean makes it
 * invariant to the trials' order and lets one network serve every N, as sbi's permutation-invariant embedding and
 * BayesFlow's DeepSet do; log N tells ρ how much the mean is worth.
 *
 * <p>The row's first column must hold N itself, not standardized ({@link EmbeddingSpec#standardization} leaves it
 * so).
 */
final class DeepSetEmbedding implements SetEmbedding {
  private final DataShape shape;
  private final int hidden;
  private final int features;
  private final List<Operand<TFloat32>> w;

  DeepSetEmbedding(Parameters p, DataShape shape, int hidden, int features) {
    this.shape = shape;
    this.hidden = hidden;
    this.features = features;
    int c = shape.channels();
    w = List.of(p.matrix("deepset.phi.w1", c, hidden), p.vector("deepset.phi.b1", hidden, 0f),
        p.matrix("deepset.phi.w2", hidden, hidden), p.vector("deepset.phi.b2", hidden, 0f),
        p.matrix("deepset.rho.w1", hidden + 1, hidden), p.vector("deepset.rho.b1", hidden, 0f),
        p.matrix("deepset.rho.w2", hidden, features), p.vector("deepset.rho.b2", features, 0f));
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
    Operand<TFloat32> n = TrialsLayout.count(tf, condition);
    Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(TrialsLayout.trials(tf, condition, shape),
        w.get(0)), w.get(1)));
    h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, w.get(2)), w.get(3)));
    h = tf.reshape(h, tf.constant(new int[] {-1, shape.maxTrials(), hidden}));
    Operand<TFloat32> mask = TrialsLayout.real(tf, n, shape);
    Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(h, tf.expandDims(mask, tf.constant(2))), tf.constant(1));
    Operand<TFloat32> mean = tf.math.div(sum, n);
    Operand<TFloat32> pooled = tf.concat(List.of(mean, tf.math.log(n)), tf.constant(1));
    Operand<TFloat32> r = tf.nn.relu(tf.math.add(tf.linalg.matMul(pooled, w.get(4)), w.get(5)));
    return tf.math.add(tf.linalg.matMul(r, w.get(6)), w.get(7));
  }
}
