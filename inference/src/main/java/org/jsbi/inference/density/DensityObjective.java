package org.jsbi.inference.density;

import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.train.Objective;
import org.jsbi.inference.train.Stage;
import org.jsbi.inference.train.Stages;
import org.jsbi.inference.train.TrainingGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a conditional density estimator is trained to minimize: an {@link Objective} over the standardized pairs,
 * held as the training and validation tables {@link #INPUT} and {@link #CONDITION}. {@link #maximumLikelihood()} by
 * default; a method that needs another (NPE's density truncated to the prior's support) writes its own and trains
 * with it through {@link SpecFactory#train(org.jsbi.api.Batch, org.jsbi.api.Batch, DensityObjective,
 * org.jsbi.api.estimator.TrainingConfig, org.jsbi.api.estimator.TrainingListener)}.
 */
public interface DensityObjective {
  /** The table of standardized inputs u (θ for NPE). */
  String INPUT = "input";
  /** The table of standardized conditions c (x for NPE). */
  String CONDITION = "condition";

  /**
   * Builds the stages on {@code density}'s graph.
   *
   * @param input the input's standardization, to express bounds of the input space in the graph's units
   */
  Stages build(TrainingGraph g, DensityGraph density, Standardization input);

  /** Identifies the objective and its settings in a training run's id, so a checkpoint resumes only its own run. */
  String id();

  /** −log q(u | c), or the estimator's bound on it, averaged over the minibatch and over the validation rows. */
  static DensityObjective maximumLikelihood() {
    return MaximumLikelihood.INSTANCE;
  }

  /** The minibatch's per-row training loss: −log q(u | c), or the estimator's bound on it. */
  static Operand<TFloat32> trainingLoss(TrainingGraph g, DensityGraph density) {
    return density.trainingLoss(g.tf(), g.batch(INPUT), g.batch(CONDITION),
        density.stochasticLoss() ? g.noiseSeed() : null);
  }

  /** The validation rows' per-row loss, with the same noise every epoch so that epochs compare fairly. */
  static Operand<TFloat32> validationLoss(TrainingGraph g, DensityGraph density) {
    Ops tf = g.tf();
    return density.validationLoss(tf, g.validation(INPUT), g.validation(CONDITION),
        density.stochasticLoss() ? tf.constant(new long[] {VALIDATION_SEED, VALIDATION_SEED}) : null);
  }

  /** The validation loss's fixed noise seed. */
  long VALIDATION_SEED = 0x5EEDL;

  /** The mean over rows. */
  static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> perRow) {
    return tf.math.mean(perRow, tf.constant(0));
  }

  /** Maximum likelihood. */
  enum MaximumLikelihood implements DensityObjective {
    INSTANCE;

    @Override
    public Stages build(TrainingGraph g, DensityGraph density, Standardization input) {
      Ops tf = g.tf();
      return Stages.of(Stage.of(mean(tf, trainingLoss(g, density)), mean(tf, validationLoss(g, density))));
    }

    @Override
    public String id() {
      return "maximum-likelihood";
    }
  }
}
