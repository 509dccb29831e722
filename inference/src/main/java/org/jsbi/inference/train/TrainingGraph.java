package org.jsbi.inference.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * What an {@link Objective} builds on: the trainer's graph, its data held inside the graph as named tables, the
 * current minibatch gathered from them, and stateless-random seeds that the trainer feeds per minibatch.
 */
public final class TrainingGraph {
  private final Ops tf;
  private final Operand<TInt32> rows;
  private final int batchRows;
  private final Map<String, Operand<TFloat32>> training;
  private final Map<String, Operand<TFloat32>> validation;
  private final Map<String, Operand<TFloat32>> batches = new LinkedHashMap<>();
  private Placeholder<TInt64> noiseSeed;
  private Placeholder<TInt64> streamSeed;

  TrainingGraph(Ops tf, Operand<TInt32> rows, int batchRows, Map<String, Operand<TFloat32>> training,
      Map<String, Operand<TFloat32>> validation) {
    this.tf = tf;
    this.rows = rows;
    this.batchRows = batchRows;
    this.training = training;
    this.validation = validation;
  }

  public Ops tf() {
    return tf;
  }

  /** The minibatch's row indices into the training tables: shape [{@link #batchRows()}]. */
  public Operand<TInt32> rows() {
    return rows;
  }

  /** Rows per minibatch, the same for every one; −1 when an epoch's last minibatch may be smaller. */
  public int batchRows() {
    return batchRows;
  }

  /** The minibatch's rows of training table {@code name}: shape [batch, cols]. */
  public Operand<TFloat32> batch(String name) {
    return batches.computeIfAbsent(name, n -> tf.gather(table(training, n, "training"), rows, tf.constant(0)));
  }

  /** Every row of validation table {@code name}. */
  public Operand<TFloat32> validation(String name) {
    return table(validation, name, "validation");
  }

  /**
   * A seed of shape [2] for stateless random ops, fed fresh for every minibatch from the trainer's generator, so
   * that the minibatch order and the noise come from one reproducible stream. Created on first use.
   */
  public Operand<TInt64> noiseSeed() {
    if (noiseSeed == null) {
      noiseSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    }
    return noiseSeed;
  }

  /**
   * A second seed of shape [2], fed per minibatch from a stream of its own, so that draws added to an objective leave
   * the minibatch order and the noise seeds unchanged. Created on first use.
   */
  public Operand<TInt64> streamSeed() {
    if (streamSeed == null) {
      streamSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    }
    return streamSeed;
  }

  Placeholder<TInt64> noiseSeedIfUsed() {
    return noiseSeed;
  }

  Placeholder<TInt64> streamSeedIfUsed() {
    return streamSeed;
  }

  private static Operand<TFloat32> table(Map<String, Operand<TFloat32>> tables, String name, String kind) {
    Operand<TFloat32> t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("name: expected one of the " + kind + " tables " + tables.keySet()
          + ", got '" + name + "'");
    }
    return t;
  }
}
