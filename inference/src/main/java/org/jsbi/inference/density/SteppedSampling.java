package org.jsbi.inference.density;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A sampler that needs a number of graph runs its draws decide, such as an adaptive ODE solver: the graph maps a
 * state per row to the next, and {@link DensitySession} runs it until every row has finished. A state's first
 * columns, as many as θ's dimension, are the draw; its {@link #progressColumn()} reaches 1 when the row is done.
 */
public interface SteppedSampling {
  /** Columns of the state. */
  int stateDim();

  /** The column that holds a row's progress, from 0 to 1 when it is done. */
  int progressColumn();

  /** The most runs of {@link #step} before sampling gives up and says why. */
  int maxSteps();

  /** What runs, for messages: e.g. "fmpe's adaptive ODE solver (tolerance 1.0E-4)". */
  String describe();

  /** Where the advice for a sampler that did not finish goes: e.g. "a larger tolerance, or tolerance=0". */
  String remedy();

  /** The first state from standard-normal noise ([batch, noise columns]) and the condition. */
  Operand<TFloat32> start(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition);

  /** The next state. */
  Operand<TFloat32> step(Ops tf, Operand<TFloat32> state, Operand<TFloat32> condition);
}
