package org.jsbi.inference.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The trainable weights of one estimator graph, by name. Initial values come from a seeded Java generator (so
 * initialization is reproducible and independent of TensorFlow's random ops) or from a saved state.
 *
 * <p>{@link #packed} keeps all weights in one variable, split into the named pieces by a single op. Per step that
 * is one read, one gradient, one Adam update and one clipping term instead of one of each per weight: at a few
 * microseconds per op, the bookkeeping of fifty small weights otherwise costs as much as the network.
 */
public final class Parameters {
  private enum Mode { INDIVIDUAL, PROBE, PACKED, FROZEN }

  private final Ops tf;
  private final Mode mode;
  private final RandomGenerator rng;
  private final Map<String, float[]> restored;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, float[]> initial = new LinkedHashMap<>();
  private final List<Operand<TFloat32>> pieces = new ArrayList<>();
  private final List<String> order = new ArrayList<>();
  private int taken;

  /** Weights as separate variables. */
  public Parameters(Ops tf, RandomGenerator rng, Map<String, float[]> restored) {
    this(tf, Mode.INDIVIDUAL, rng, restored);
  }

  private Parameters(Ops tf, Mode mode, RandomGenerator rng, Map<String, float[]> restored) {
    this.tf = tf;
    this.mode = mode;
    this.rng = rng;
    this.restored = restored;
  }

  /** A graph built on packed parameters, and those parameters. */
  public record Packed<T>(Parameters parameters, T graph) {}

  /**
   * Builds a graph whose weights live in one variable. {@code build} runs twice: first on a scratch graph, to learn
   * the weights' names, shapes and initial values (drawn from {@code rng} in the order they are requested, as with
   * separate variables), then on {@code tf}. Weights to train start here; saved ones go to {@link #frozen}.
   */
  public static <T> Packed<T> packed(Ops tf, RandomGenerator rng, BiFunction<Ops, Parameters, T> build) {
    return build(tf, Objects.requireNonNull(rng, "rng"), null, build, false);
  }

  /**
   * Builds a graph for inference only, on saved weights held as constants rather than a variable: no variable is
   * read on a call. Its session runs without TensorFlow's graph optimizer ({@link Sessions#openForInference}),
   * which on these graphs cost more on each call and on each new batch size than it saved
   * (docs/benchmark-history.md, "Inference without the graph optimizer"). {@link #variables()} is empty.
   */
  public static <T> Packed<T> frozen(Ops tf, Map<String, float[]> weights, BiFunction<Ops, Parameters, T> build) {
    return build(tf, null, Objects.requireNonNull(weights, "weights"), build, true);
  }

  /**
   * As {@link #packed}, with the variable starting from saved weights instead of fresh ones: to continue training a
   * saved estimator (a warm start). {@code weights} must hold every weight the graph requests, at its size.
   */
  public static <T> Packed<T> warm(Ops tf, Map<String, float[]> weights, BiFunction<Ops, Parameters, T> build) {
    return build(tf, null, Objects.requireNonNull(weights, "weights"), build, false);
  }

  private static <T> Packed<T> build(Ops tf, RandomGenerator rng, Map<String, float[]> restored,
      BiFunction<Ops, Parameters, T> build, boolean frozen) {
    Parameters probe;
    try (Graph scratch = new Graph()) {
      Ops scratchOps = Ops.create(scratch);
      probe = new Parameters(scratchOps, Mode.PROBE, rng, restored);
      build.apply(scratchOps, probe);
    }
    Parameters p = new Parameters(tf, frozen ? Mode.FROZEN : Mode.PACKED, null, null);
    p.shapes.putAll(probe.shapes);
    p.order.addAll(probe.shapes.keySet());
    p.initial.putAll(probe.initial);
    int total = probe.initial.values().stream().mapToInt(v -> v.length).sum();
    float[] all = new float[total];
    int[] sizes = new int[probe.initial.size()];
    int at = 0;
    int i = 0;
    for (float[] v : probe.initial.values()) {
      System.arraycopy(v, 0, all, at, v.length);
      at += v.length;
      sizes[i++] = v.length;
    }
    Operand<TFloat32> values;
    if (frozen) {
      values = tf.withName("parameters").constant(Shape.of(total), DataBuffers.of(all));
    } else {
      Variable<TFloat32> v = tf.withName("parameters").variable(tf.constant(Shape.of(total), DataBuffers.of(all)));
      p.variables.put("parameters", v);
      values = tf.identity(v);
    }
    if (sizes.length == 1) {
      p.pieces.add(values);
    } else if (sizes.length > 1) {
      tf.splitV(values, tf.constant(sizes), tf.constant(0), (long) sizes.length).forEach(p.pieces::add);
    }
    return new Packed<>(p, build.apply(tf, p));
  }

  /** A weight matrix [in, out], Glorot-uniform initialized. */
  public Operand<TFloat32> matrix(String name, int in, int out) {
    double limit = Math.sqrt(6.0 / (in + out));
    float[] init = new float[in * out];
    for (int i = 0; rng != null && restored == null && i < init.length; i++) {
      init[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
    }
    return create(name, new long[] {in, out}, init);
  }

  /**
   * A stack of {@code count} weight matrices [count, in, out], each Glorot-uniform initialized as {@link #matrix}
   * would be: the weights of {@code count} networks trained side by side.
   */
  public Operand<TFloat32> matrices(String name, int count, int in, int out) {
    double limit = Math.sqrt(6.0 / (in + out));
    float[] init = new float[count * in * out];
    for (int i = 0; rng != null && restored == null && i < init.length; i++) {
      init[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
    }
    return create(name, new long[] {count, in, out}, init);
  }

  /** A zero matrix [rows, cols]. */
  public Operand<TFloat32> zeros(String name, int rows, int cols) {
    return create(name, new long[] {rows, cols}, new float[rows * cols]);
  }

  /** A vector of length n filled with {@code value}. */
  public Operand<TFloat32> vector(String name, int n, float value) {
    float[] init = new float[n];
    java.util.Arrays.fill(init, value);
    return create(name, new long[] {n}, init);
  }

  private Operand<TFloat32> create(String name, long[] shape, float[] init) {
    if (mode == Mode.PACKED || mode == Mode.FROZEN) {
      return piece(name, shape);
    }
    if (shapes.containsKey(name)) {
      throw new IllegalStateException("parameter '" + name + "' defined twice");
    }
    float[] values = init;
    if (restored != null) {
      values = restored.get(name);
      if (values == null || values.length != init.length) {
        throw new IllegalArgumentException("saved weights: expected '" + name + "' with " + init.length
            + " values, got " + (values == null ? "none" : values.length + "")
            + "; the file does not match this estimator's configuration");
      }
    }
    shapes.put(name, shape);
    if (mode == Mode.PROBE) {
      initial.put(name, values);
      return tf.zeros(tf.constant(shape), TFloat32.class);
    }
    Variable<TFloat32> v = tf.withName(name).variable(tf.constant(Shape.of(shape), DataBuffers.of(values)));
    variables.put(name, v);
    // Never hand a variable to square/log1p/pow directly (see ../shared/TENSORFLOW.md): read it through identity.
    return tf.identity(v);
  }

  /** The next piece of the packed variable, which must be the one the probe saw at this point. */
  private Operand<TFloat32> piece(String name, long[] shape) {
    if (taken >= order.size() || !order.get(taken).equals(name) || !java.util.Arrays.equals(shapes.get(name), shape)) {
      throw new IllegalStateException("parameter '" + name + "' was not requested in the same order on both builds");
    }
    Operand<TFloat32> flat = pieces.get(taken++);
    return shape.length == 1 ? flat : tf.reshape(flat, tf.constant(shape));
  }

  /** The variables to train: one when packed. */
  public List<Variable<TFloat32>> variables() {
    return new ArrayList<>(variables.values());
  }

  /** The current value of every weight, by name, read from {@code session}. */
  public Map<String, float[]> read(Session session) {
    if (mode == Mode.FROZEN) {
      Map<String, float[]> out = new LinkedHashMap<>();
      initial.forEach((name, values) -> out.put(name, values.clone()));
      return out;
    }
    Session.Runner runner = Sessions.runner(session);
    variables.values().forEach(runner::fetch);
    Map<String, float[]> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      if (mode == Mode.PACKED) {
        float[] all = values((TFloat32) r.get(0));
        int at = 0;
        for (Map.Entry<String, float[]> e : initial.entrySet()) {
          out.put(e.getKey(), java.util.Arrays.copyOfRange(all, at, at + e.getValue().length));
          at += e.getValue().length;
        }
      } else {
        int i = 0;
        for (String name : variables.keySet()) {
          out.put(name, values((TFloat32) r.get(i++)));
        }
      }
    }
    return out;
  }

  private static float[] values(TFloat32 t) {
    float[] values = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(values, false, false));
    return values;
  }
}
