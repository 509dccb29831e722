package org.jsbi.inference.npe;

import java.util.Arrays;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.DensityObjective;
import org.jsbi.inference.train.Stage;
import org.jsbi.inference.train.Stages;
import org.jsbi.inference.train.TrainingGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * NPE's objective for q(θ | x) truncated to the prior's support box [lower, upper]: maximum likelihood until the
 * validation loss first stops improving; then, if q's mass outside the box, averaged over the validation rows, is at
 * least {@code minLeak}, a finish on −log q(θ | x) + log Q(x), where Q is q's mass inside the box ({@link
 * SupportNormalizer}), so that q restricted to the box and renormalized, which rejection to the box draws from,
 * fits the data. The plain loss brings q close, and the truncated loss, whose steps cost several times as much,
 * finishes it at the lowered learning rate: as accurate as truncating from the start, or more, at a third of the
 * cost (docs/benchmark-history.md). With {@code minLeak} 0 the finish always runs; below the threshold training
 * goes on to the weights that maximum likelihood gives. Needs an exact log-density.
 *
 * @param minLeak from 0 to 1
 */
public record TruncatedFinish(double[] lower, double[] upper, double minLeak) implements DensityObjective {
  public TruncatedFinish {
    if (!(minLeak >= 0 && minLeak <= 1)) {
      throw new IllegalArgumentException("minLeak: expected a share of q's mass from 0 to 1, got " + minLeak);
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  @Override
  public Stages build(TrainingGraph g, DensityGraph density, Standardization input) {
    if (!SupportNormalizer.bounds(lower, upper)) {
      return DensityObjective.maximumLikelihood().build(g, density, input);
    }
    if (!density.likelihoodLoss()) {
      throw new UnsupportedOperationException("a density truncated to the prior's support adds its log-mass to the "
          + "negative log-likelihood, and this estimator trains by another loss");
    }
    if (density.densityNoiseDim() > 0) {
      throw new UnsupportedOperationException("a density truncated to the prior's support needs an exact "
          + "log-density, and this estimator's is an estimate");
    }
    Ops tf = g.tf();
    SupportNormalizer support = SupportNormalizer.of(lower, upper, input);
    Operand<TFloat32> perRow = DensityObjective.trainingLoss(g, density);
    Operand<TFloat32> valPerRow = DensityObjective.validationLoss(g, density);
    Stage plain = Stage.of(DensityObjective.mean(tf, perRow), DensityObjective.mean(tf, valPerRow));
    Operand<TFloat32> cBatch = g.batch(CONDITION);
    Operand<TFloat32> cVal = g.validation(CONDITION);
    int nVal = (int) cVal.shape().size(0);
    Operand<TFloat32> truncated = tf.math.add(perRow, support.logMass(tf, density, cBatch, g.batchRows(),
        SupportNormalizer.TRAINING_DRAWS, g.streamSeed()));
    Operand<TFloat32> valLogMass = support.logMass(tf, density, cVal, nVal, SupportNormalizer.VALIDATION_DRAWS,
        tf.constant(new long[] {VALIDATION_SEED, VALIDATION_SEED + 1}));
    Operand<TFloat32> leak = tf.math.sub(tf.constant(1f), DensityObjective.mean(tf, tf.math.exp(valLogMass)));
    Stage finish = Stage.of(DensityObjective.mean(tf, truncated),
        DensityObjective.mean(tf, tf.math.add(valPerRow, valLogMass)));
    return new Stages(plain, finish, leak, minLeak);
  }

  @Override
  public String id() {
    return "truncated-finish" + Arrays.toString(lower) + Arrays.toString(upper) + minLeak;
  }
}
