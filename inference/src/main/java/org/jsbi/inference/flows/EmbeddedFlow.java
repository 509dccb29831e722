package org.jsbi.inference.flows;

import org.jsbi.inference.embeddings.Embedding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A flow whose condition first passes through an embedding network trained jointly with it, which turns data of
 * many values, or of a shape (a set of trials), into a few learned features (as sbi's {@code embedding_net}).
 */
final class EmbeddedFlow implements FlowGraph {
  private final FlowGraph flow;
  private final Embedding embedding;

  EmbeddedFlow(FlowGraph flow, Embedding embedding) {
    this.flow = flow;
    this.embedding = embedding;
  }

  @Override
  public int embeddingDim() {
    return embedding.features();
  }

  @Override
  public Operand<TFloat32> embedding(Ops tf, Operand<TFloat32> condition) {
    return embedding.apply(tf, condition);
  }

  @Override
  public int noiseDim() {
    return flow.noiseDim();
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return flow.logProb(tf, input, embedding.apply(tf, condition));
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return flow.forward(tf, input, embedding.apply(tf, condition));
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return flow.inverse(tf, noise, embedding.apply(tf, condition));
  }
}
