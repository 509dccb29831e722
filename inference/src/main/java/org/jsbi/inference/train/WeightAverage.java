package org.jsbi.inference.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An exponential moving average of the weights, a ← a + (1 − d)(w − a) after every step, and the ops that put it in
 * the weights' place for validation and take it out again. Its variables are graph variables like Adam's moments, so
 * checkpoints carry them.
 */
final class WeightAverage {
  private final Ops tf;
  private final List<Variable<TFloat32>> weights;
  private final List<Variable<TFloat32>> average = new ArrayList<>();
  private final List<Variable<TFloat32>> held = new ArrayList<>();
  private final float decay;

  WeightAverage(Ops tf, List<Variable<TFloat32>> weights, double decay) {
    this.tf = tf;
    this.weights = weights;
    this.decay = (float) decay;
    for (Variable<TFloat32> w : weights) {
      average.add(tf.variable(tf.zeros(tf.constant(w.shape()), TFloat32.class)));
      held.add(tf.variable(tf.zeros(tf.constant(w.shape()), TFloat32.class)));
    }
  }

  /** {@code step}, then the average's update. */
  Op after(Op step) {
    Ops then = tf.withControlDependencies(List.of(step));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> a = average.get(i);
      updates.add(then.assign(a, then.math.add(then.identity(a), then.math.mul(then.constant(1 - decay),
          then.math.sub(then.identity(weights.get(i)), then.identity(a))))));
    }
    return tf.withControlDependencies(updates).noOp();
  }

  /**
   * {reset the average to the weights, hold the weights aside, load the average into the weights, put the held
   * weights back}; run the middle two one after the other, in that order.
   */
  Op[] ops() {
    return new Op[] {copy(weights, average), copy(weights, held), copy(average, weights), copy(held, weights)};
  }

  private Op copy(List<Variable<TFloat32>> from, List<Variable<TFloat32>> to) {
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      assigns.add(tf.assign(to.get(i), tf.identity(from.get(i))));
    }
    return tf.withControlDependencies(assigns).noOp();
  }
}
