package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow graph and session of one flow, with its inference endpoints (log-density and sampling on fed
 * standardized values). Owns all native resources; callers only see float arrays.
 */
final class FlowSession implements AutoCloseable {
  final int dim;
  final int conditionDim;
  final Graph graph;
  final Ops tf;
  final Parameters parameters;
  final FlowGraph flow;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> condition;
  private final Placeholder<TFloat32> noise;
  private final Operand<TFloat32> logProb;
  private final Operand<TFloat32> sample;
  private final Operand<TFloat32> forward;
  private Session session;

  FlowSession(FlowSpec spec, int dim, int conditionDim, RandomGenerator init, Map<String, float[]> restored) {
    this.dim = dim;
    this.conditionDim = conditionDim;
    this.graph = new Graph();
    try {
      this.tf = Ops.create(graph);
      this.parameters = new Parameters(tf, init, restored);
      this.flow = spec.build(tf, parameters, dim, conditionDim);
      this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
      this.condition = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, conditionDim)));
      this.noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
      this.logProb = flow.logProb(tf, input, condition);
      this.sample = flow.inverse(tf, noise, condition);
      this.forward = flow.forward(tf, input, condition);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Creates the session and initializes the variables; call once the graph is complete. */
  Session start() {
    session = org.jsbi.inference.tf.Sessions.open(graph);
    session.initialize();
    return session;
  }

  Session session() {
    if (session == null) {
      throw new IllegalStateException("the flow session has not been started");
    }
    return session;
  }

  /** log q(u | c) for standardized rows; {@code c} has one row per row of {@code u}. */
  float[] logProb(float[] u, float[] c, int rows) {
    return run(logProb, input, u, c, rows, 1);
  }

  /** z = f(u; c) for standardized rows. */
  float[] forward(float[] u, float[] c, int rows) {
    return run(forward, input, u, c, rows, dim);
  }

  /** u = f⁻¹(z; c) for standardized rows. */
  float[] inverse(float[] z, float[] c, int rows) {
    return run(sample, noise, z, c, rows, dim);
  }

  private float[] run(Operand<TFloat32> fetch, Placeholder<TFloat32> fed, float[] values, float[] c, int rows,
      int outCols) {
    float[] out = new float[rows * outCols];
    try (TFloat32 a = TFloat32.tensorOf(Shape.of(rows, dim), DataBuffers.of(values, true, false));
        TFloat32 b = TFloat32.tensorOf(Shape.of(rows, conditionDim), DataBuffers.of(c, true, false));
        Result r = session().runner().feed(fed, a).feed(condition, b).fetch(fetch).run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
    }
    return out;
  }

  /** The current value of every weight, by name. */
  Map<String, float[]> weights() {
    Map<String, float[]> out = new LinkedHashMap<>();
    Session.Runner runner = session().runner();
    for (var v : parameters.variables()) {
      runner.fetch(v);
    }
    try (Result r = runner.run()) {
      int i = 0;
      for (String name : parameters.names()) {
        TFloat32 t = (TFloat32) r.get(i++);
        float[] values = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(values, false, false));
        out.put(name, values);
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close(); // before the graph: Graph.close() blocks while a session is open
      session = null;
    }
    graph.close();
  }
}
