package org.jsbi.inference.embeddings;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Two ReLU layers and a linear output over the whole flat row: sees a series or a set as a bag of numbers. */
final class MlpEmbedding implements Embedding {
  private final Operand<TFloat32>[] w;
  private final int features;

  @SuppressWarnings({"unchecked", "rawtypes"})
  MlpEmbedding(Parameters p, int conditionDim, int hidden, int features) {
    this.features = features;
    // The names of the first embedding network, so that estimators saved with it load unchanged.
    this.w = new Operand[] {
      p.matrix("embedding.w1", conditionDim, hidden), p.vector("embedding.b1", hidden, 0f),
      p.matrix("embedding.w2", hidden, hidden), p.vector("embedding.b2", hidden, 0f),
      p.matrix("embedding.w3", hidden, features), p.vector("embedding.b3", features, 0f)
    };
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition) {
    Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(condition, w[0]), w[1]));
    h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, w[2]), w[3]));
    return tf.math.add(tf.linalg.matMul(h, w[4]), w[5]);
  }
}
