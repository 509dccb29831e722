package org.jsbi.inference.train;

/**
 * What a {@link Trainer} minimizes, built into the trainer's graph from the data it holds: the minibatch loss and
 * the validation loss of each stage, and the updates that lower them. Density maximum likelihood, NPE's truncated
 * finish and the C2ST classifier's cross-entropy are objectives; so are a regression loss (flow matching), a
 * denoising loss (score matching), a pair of adversarial losses (a GAN's two {@link Stage.Update updates}), and a
 * proposal-corrected loss (sequential rounds). A plugin that depends on this module writes its own the same way.
 *
 * <pre>{@code
 * Objective leastSquares = g -> {
 *   Ops tf = g.tf();
 *   Operand<TFloat32> err = tf.math.sub(predict(tf, g.batch("x")), g.batch("y"));
 *   Operand<TFloat32> valErr = tf.math.sub(predict(tf, g.validation("x")), g.validation("y"));
 *   return Stages.of(Stage.of(meanSquare(tf, err), meanSquare(tf, valErr)));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Objective {
  /** Adds the objective's losses to {@code g}'s graph and returns its stages. Called once, before training. */
  Stages build(TrainingGraph g);
}
