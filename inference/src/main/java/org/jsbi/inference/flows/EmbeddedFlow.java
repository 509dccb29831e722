package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A flow whose condition first passes through an embedding network, an MLP trained jointly with the flow, which
 * reduces data of dimension in the hundreds to a few learned summary features (as sbi's {@code embedding_net}).
 */
final class EmbeddedFlow implements FlowGraph {
  private final FlowGraph flow;
  private final Operand<TFloat32>[] weights;
  private final int embeddingDim;

  @SuppressWarnings({"unchecked", "rawtypes"})
  EmbeddedFlow(Parameters p, FlowGraph flow, int conditionDim, int hidden, int embeddingDim) {
    this.flow = flow;
    this.embeddingDim = embeddingDim;
    this.weights = new Operand[] {
      p.matrix("embedding.w1", conditionDim, hidden), p.vector("embedding.b1", hidden, 0f),
      p.matrix("embedding.w2", hidden, hidden), p.vector("embedding.b2", hidden, 0f),
      p.matrix("embedding.w3", hidden, embeddingDim), p.vector("embedding.b3", embeddingDim, 0f)
    };
  }

  @Override
  public int embeddingDim() {
    return embeddingDim;
  }

  @Override
  public Operand<TFloat32> embedding(Ops tf, Operand<TFloat32> condition) {
    return embed(tf, condition);
  }

  private Operand<TFloat32> embed(Ops tf, Operand<TFloat32> condition) {
    Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(condition, weights[0]), weights[1]));
    h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, weights[2]), weights[3]));
    return tf.math.add(tf.linalg.matMul(h, weights[4]), weights[5]);
  }

  @Override
  public int noiseDim() {
    return flow.noiseDim();
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return flow.logProb(tf, input, embed(tf, condition));
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return flow.forward(tf, input, embed(tf, condition));
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return flow.inverse(tf, noise, embed(tf, condition));
  }
}
