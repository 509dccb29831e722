package org.jsbi.inference.tf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Every variable of a graph, read out and written back by name: the weights, the optimizer's moments and beta
 * powers, the learning rate, the best weights' shadow copies. What a training checkpoint holds. Create it once the
 * graph holds all its variables, and before the session starts.
 */
public final class GraphVariables {
  private final List<String> names = new ArrayList<>();
  private final List<Output<TFloat32>> values = new ArrayList<>();
  private final List<Placeholder<TFloat32>> fed = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();
  private final List<Integer> sizes = new ArrayList<>();

  @SuppressWarnings("unchecked")
  public GraphVariables(Ops tf, Graph graph) {
    List<GraphOperation> variables = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op);
      }
    }
    Ops scope = tf.withSubScope("checkpoint");
    for (GraphOperation op : variables) {
      Output<TFloat32> v = (Output<TFloat32>) (Output<?>) op.output(0);
      Shape shape = v.shape();
      if (shape.hasUnknownDimension()) {
        throw new IllegalStateException("variable '" + op.name() + "' has no fixed shape, so it cannot be saved");
      }
      Placeholder<TFloat32> p = scope.placeholder(TFloat32.class, Placeholder.shape(shape));
      names.add(op.name());
      values.add(v);
      fed.add(p);
      assigns.add(scope.assign(v, p));
      shapes.add(shape);
      sizes.add((int) shape.size());
    }
  }

  /** Every variable's current value, by name, in the graph's order. */
  public Map<String, float[]> read(Session session) {
    Session.Runner runner = Sessions.runner(session);
    values.forEach(runner::fetch);
    Map<String, float[]> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        float[] a = new float[sizes.get(i)];
        ((TFloat32) r.get(i)).copyTo(DataBuffers.of(a, false, false));
        out.put(names.get(i), a);
      }
    }
    return out;
  }

  /**
   * Sets every variable to its value in {@code saved}, which must hold exactly these variables with these sizes.
   *
   * @throws IllegalArgumentException naming the first variable that is missing, extra or of another size
   */
  public void write(Session session, Map<String, float[]> saved) {
    for (String name : saved.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("saved: variable '" + name + "' is not in this graph");
      }
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = Sessions.runner(session);
      for (int i = 0; i < names.size(); i++) {
        float[] a = saved.get(names.get(i));
        if (a == null || a.length != sizes.get(i)) {
          throw new IllegalArgumentException("saved: expected variable '" + names.get(i) + "' with " + sizes.get(i)
              + " values, got " + (a == null ? "none" : a.length));
        }
        TFloat32 t = TFloat32.tensorOf(shapes.get(i), DataBuffers.of(a, true, false));
        tensors.add(t);
        runner.feed(fed.get(i), t).addTarget(assigns.get(i));
      }
      try (Result r = runner.run()) {
        // nothing to fetch
      }
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /** How many variables the graph holds. */
  public int size() {
    return names.size();
  }
}
