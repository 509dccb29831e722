package org.jsbi.inference.density;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.io.Sha256;
import org.jsbi.inference.tf.Training;
import org.jsbi.inference.train.Trainer;

/**
 * Training shared by every density estimator: standardization from the training split (or, for a warm start, the
 * estimator's own, kept fixed), and the shared {@link Trainer} on the estimator's graph with a {@link
 * DensityObjective}, maximum likelihood unless the method brings its own. Bit-for-bit reproducible from the seed,
 * also when resumed from one of the checkpoints that the listener's {@link TrainingCheckpoints} ask for.
 */
public final class DensityTrainer {
  private DensityTrainer() {}

  /**
   * Fits {@code spec}'s estimator to q(input | condition) by {@code objective}, from fresh weights or, given {@code
   * warmStart} (a state of the same spec), from its weights with its standardization.
   */
  public static DensityEstimator train(EstimatorSpec spec, Batch input, Batch condition, DensityObjective objective,
      EstimatorState warmStart, TrainingConfig config, TrainingListener listener) {
    Arguments.finiteBatch("input", input);
    Arguments.finiteBatch("condition", condition);
    if (input.rows() != condition.rows()) {
      throw new IllegalArgumentException("condition: expected " + input.rows() + " rows to match input, got "
          + condition.rows());
    }
    int n = input.rows();
    int nVal = (int) Math.max(1, Math.round(n * config.validationFraction()));
    if (n - nVal < 2) {
      throw new IllegalArgumentException("input: expected at least 3 rows to train on, got " + n);
    }
    RandomGenerator rng = new RandomStreams(config.seed()).single(RandomStreams.Purpose.ESTIMATOR);
    int[] order = Training.permutation(n, rng);
    int[] valRows = Arrays.copyOfRange(order, 0, nVal);
    int[] trainRows = Arrays.copyOfRange(order, nVal, n);
    Batch trainIn = input.selectRows(trainRows);
    Batch trainCond = condition.selectRows(trainRows);
    Standardization sIn = warmStart == null ? Standardization.of(trainIn) : warmStart.input();
    Standardization sCond = warmStart == null ? spec.conditionStandardization(trainCond) : warmStart.condition();
    DensitySession fs = DensitySession.trainable(spec, input.cols(), condition.cols(), rng,
        warmStart == null ? null : warmStart.weights());
    TrainingHistory history;
    Map<String, float[]> weights;
    try {
      Trainer.Run run = new Trainer(fs.graph, fs.tf, fs.parameters.variables(), config, rng)
          .averageWeights(spec.averagesWeights())
          .training(DensityObjective.INPUT, DensityEstimator.standardize(trainIn, sIn), trainRows.length,
              input.cols())
          .training(DensityObjective.CONDITION, DensityEstimator.standardize(trainCond, sCond), trainRows.length,
              condition.cols())
          .validation(DensityObjective.INPUT, DensityEstimator.standardize(input.selectRows(valRows), sIn), nVal,
              input.cols())
          .validation(DensityObjective.CONDITION, DensityEstimator.standardize(condition.selectRows(valRows), sCond),
              nVal, condition.cols())
          .build(g -> objective.build(g, fs.density, sIn));
      history = run.fit(fs.start(), listener, listener.checkpoints() == TrainingCheckpoints.NONE ? ""
          : runId(spec, input, condition, objective, warmStart, config));
      weights = fs.weights();
    } finally {
      fs.close(); // the training graph holds the training set and Adam's moments; inference gets a graph of its own
    }
    return DensityEstimator.frozen(spec, input.cols(), condition.cols(), weights, sIn, sCond, history);
  }

  /**
   * Identifies a training run for its checkpoints: a SHA-256 digest of the estimator, the configuration, the
   * objective, the warm start's weights and every training value, so that a checkpoint is never resumed with other
   * data or settings. The epoch cap is left out: a resumed run may be given more epochs, and up to the old cap it is
   * the same run.
   */
  static String runId(EstimatorSpec spec, Batch input, Batch condition, DensityObjective objective,
      EstimatorState warmStart, TrainingConfig config) {
    MessageDigest d = Sha256.digest();
    d.update((spec.kind() + spec.hyperParameters() + config.withMaxEpochs(1) + objective.id() + "|" + input.rows()
        + "x" + input.cols() + "|" + condition.cols()).getBytes(StandardCharsets.UTF_8));
    ByteBuffer buf = ByteBuffer.allocate(8 * 4096);
    for (double[] values : new double[][] {input.data(), condition.data()}) {
      for (double v : values) {
        if (!buf.hasRemaining()) {
          d.update(buf.flip());
          buf.clear();
        }
        buf.putDouble(v);
      }
    }
    d.update(buf.flip());
    if (warmStart != null) {
      for (Map.Entry<String, float[]> w : warmStart.weights().entrySet()) {
        d.update(w.getKey().getBytes(StandardCharsets.UTF_8));
        ByteBuffer f = ByteBuffer.allocate(4 * w.getValue().length);
        f.asFloatBuffer().put(w.getValue());
        d.update(f);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
