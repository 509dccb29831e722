package org.jsbi.inference.density;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The graph of one conditional density estimator over standardized values: q(u | c), and a sampler that maps
 * standard-normal noise to draws of u. Its variables are created once; the methods may be called several times
 * (training batch, validation set, inference placeholders) and share them.
 */
public interface DensityGraph {
  /** log q(u | c) for each row: shape [batch]; throws where {@link #hasLogProb()} is false. */
  Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition);

  /** Whether there is a log-density at all; false for a sampler only, such as an adversarially trained generator. */
  default boolean hasLogProb() {
    return true;
  }

  /**
   * Columns of standard-normal noise per row that a Monte-Carlo estimate of the log-density needs, or 0 for an
   * exact density.
   */
  default int densityNoiseDim() {
    return 0;
  }

  /** log q(u | c) estimated with {@code noise} of shape [batch, {@link #densityNoiseDim()}]; exact ones ignore it. */
  default Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TFloat32> noise) {
    return logProb(tf, input, condition);
  }

  /** Why the graph draws nothing, in one line (a ratio classifier's), or null when {@link #sample} draws. */
  default String cannotSample() {
    return null;
  }

  /** Columns of standard-normal noise that {@link #sample} needs per draw. */
  int noiseDim();

  /** One draw of u for each row of noise and condition: shape [batch, dim]. */
  Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition);

  /**
   * A sampler that runs the graph step by step until each draw is done, used instead of {@link #sample} when not
   * null (an adaptive ODE solver's; a fixed number of steps fits in one {@link #sample}).
   */
  default SteppedSampling steppedSampling() {
    return null;
  }

  /** Width of the learned embedding of the condition, or 0 when there is no embedding network. */
  default int embeddingDim() {
    return 0;
  }

  /** The embedding network applied to the condition: shape [batch, {@link #embeddingDim()}]. */
  default Operand<TFloat32> embedding(Ops tf, Operand<TFloat32> condition) {
    throw new UnsupportedOperationException("no embedding network");
  }

  /**
   * Whether {@link #trainingLoss} is −log q or a bound on it, as objectives that add to it (NPE's truncation to the
   * prior's support) need; false for an estimator trained by another loss, such as flow matching's regression.
   */
  default boolean likelihoodLoss() {
    return true;
  }

  /** Whether the training loss draws noise, and so needs a fresh seed for every minibatch. */
  default boolean stochasticLoss() {
    return false;
  }

  /**
   * The loss minimized in training, per row: −log q(u | c) unless the estimator trains on a bound.
   *
   * @param seed a stateless-random seed of shape [2] when {@link #stochasticLoss()}, or null
   */
  default Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TInt64> seed) {
    return tf.math.neg(logProb(tf, input, condition));
  }

  /**
   * The loss that early stopping watches, per row of the validation set: the training loss unless the estimator
   * judges its fit by another measure (an adversarial pair, whose loss says little about the generator, by a scoring
   * rule of its draws).
   *
   * @param seed a fixed stateless-random seed when {@link #stochasticLoss()}, or null
   */
  default Operand<TFloat32> validationLoss(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TInt64> seed) {
    return trainingLoss(tf, input, condition, seed);
  }

  /** log N(z; 0, I) summed over the last axis. */
  static Operand<TFloat32> standardNormalLogProb(Ops tf, Operand<TFloat32> z, int dim) {
    Operand<TFloat32> sq = tf.reduceSum(tf.math.square(z), tf.constant(1));
    return tf.math.sub(tf.math.mul(tf.constant(-0.5f), sq), tf.constant((float) (0.5 * dim * Math.log(2 * Math.PI))));
  }
}
