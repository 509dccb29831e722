package org.jsbi.inference.flows;

import java.util.Map;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A trained flow's forward and inverse maps on standardized values, rebuilt from its weights, for inversion checks. */
final class FlowMaps implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final int dim;
  private final int conditionDim;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> condition;
  private final Operand<TFloat32> forward;
  private final Operand<TFloat32> inverse;

  FlowMaps(FlowSpec spec, EstimatorState state) {
    Ops tf = Ops.create(graph);
    Map<String, float[]> weights = state.weights();
    // a flow without an embedding network: the graph is the flow itself
    FlowGraph flow = (FlowGraph) spec.build(tf, new Parameters(tf, null, weights), state.inputDim(),
        state.conditionDim());
    dim = state.inputDim();
    conditionDim = state.conditionDim();
    input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
    condition = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, conditionDim)));
    forward = flow.forward(tf, input, condition);
    inverse = flow.inverse(tf, input, condition);
    session = Sessions.open(graph);
    session.initialize();
  }

  float[] forward(float[] u, float[] c, int rows) {
    return run(forward, u, c, rows);
  }

  float[] inverse(float[] z, float[] c, int rows) {
    return run(inverse, z, c, rows);
  }

  private float[] run(Operand<TFloat32> fetch, float[] values, float[] c, int rows) {
    float[] out = new float[rows * dim];
    try (TFloat32 a = TFloat32.tensorOf(Shape.of(rows, dim), DataBuffers.of(values, true, false));
        TFloat32 b = TFloat32.tensorOf(Shape.of(rows, conditionDim), DataBuffers.of(c, true, false));
        Result r = session.runner().feed(input, a).feed(condition, b).fetch(fetch).run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
