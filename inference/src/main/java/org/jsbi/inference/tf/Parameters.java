package org.jsbi.inference.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The trainable weights of one estimator graph, by name. Initial values come from a seeded Java generator (so
 * initialization is reproducible and independent of TensorFlow's random ops) or from a saved state.
 */
public final class Parameters {
  private final Ops tf;
  private final RandomGenerator rng;
  private final Map<String, float[]> restored;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();

  public Parameters(Ops tf, RandomGenerator rng, Map<String, float[]> restored) {
    this.tf = tf;
    this.rng = rng;
    this.restored = restored;
  }

  /** A weight matrix [in, out], Glorot-uniform initialized. Read through {@code tf.identity}. */
  public Operand<TFloat32> matrix(String name, int in, int out) {
    double limit = Math.sqrt(6.0 / (in + out));
    float[] init = new float[in * out];
    for (int i = 0; restored == null && i < init.length; i++) {
      init[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
    }
    return create(name, new long[] {in, out}, init);
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
    if (variables.containsKey(name)) {
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
    Variable<TFloat32> v = tf.withName(name).variable(tf.constant(Shape.of(shape), DataBuffers.of(values)));
    variables.put(name, v);
    shapes.put(name, shape);
    // Never hand a variable to square/log1p/pow directly (see ../shared/TENSORFLOW.md): read it through identity.
    return tf.identity(v);
  }

  public List<Variable<TFloat32>> variables() {
    return new ArrayList<>(variables.values());
  }

  public List<String> names() {
    return new ArrayList<>(variables.keySet());
  }

  public Map<String, Variable<TFloat32>> byName() {
    return variables;
  }
}
