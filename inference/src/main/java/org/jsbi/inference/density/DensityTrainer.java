package org.jsbi.inference.density;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.io.Sha256;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.density.TrainingLoop.Finish;
import org.jsbi.inference.density.TrainingLoop.Phase;
import org.jsbi.inference.tf.Adam;
import org.jsbi.inference.tf.GraphVariables;
import org.jsbi.inference.tf.Training;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Training shared by every estimator: standardization from the training split, the training set held inside the
 * graph with minibatches of one fixed size gathered by index, Adam with global-norm clipping, and early stopping
 * that keeps the best weights, once it has gone back to them at a tenth of the learning rate as often as {@link
 * TrainingConfig#learningRateDrops} says. Estimators whose loss draws noise get a stateless seed per minibatch from
 * the seeded generator, and a fixed one for the validation loss. Given a box of the input space, q is trained as a
 * density truncated to it ({@link SupportNormalizer}) from the moment patience first runs out, if q's mass outside
 * the box is then large enough: the plain loss brings q close, and the truncated loss, whose steps cost several
 * times as much, finishes it at the lowered learning rate. That was as accurate as truncating from the start, or
 * more, at a third of the cost (docs/benchmark-history.md). Bit-for-bit reproducible from the seed, also when
 * resumed from one of the checkpoints that the listener's {@link TrainingCheckpoints} ask for ({@link TrainingLoop}).
 */
public final class DensityTrainer {
  private DensityTrainer() {}

  /** Fits {@code spec}'s estimator to q(input | condition). */
  public static DensityEstimator train(EstimatorSpec spec, Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return train(spec, input, condition, null, null, 0, config, listener);
  }

  /**
   * Fits {@code spec}'s estimator to q(input | condition) truncated to the box [lower, upper] of the input space
   * (see {@link SupportNormalizer}), or untruncated when both are null. Every input row must lie in the box. When
   * patience first runs out (with the learning rate dropped, if drops are left), q's mass outside the box is
   * measured on the validation rows; if it is at least {@code minLeak}, the truncated loss takes over, and from then
   * on the validation losses reported are the truncated density's. Otherwise training goes on untruncated, to the
   * weights that training without a box gives.
   *
   * @throws UnsupportedOperationException for a box and an estimator whose log-density is an estimate
   */
  public static DensityEstimator train(EstimatorSpec spec, Batch input, Batch condition, double[] lower,
      double[] upper, double minLeak, TrainingConfig config, TrainingListener listener) {
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
    Standardization sIn = Standardization.of(trainIn);
    Standardization sCond = Standardization.of(trainCond);

    SupportNormalizer support = lower == null || !SupportNormalizer.bounds(lower, upper) ? null
        : SupportNormalizer.of(lower, upper, sIn);
    DensitySession fs = new DensitySession(spec, input.cols(), condition.cols(), rng, null);
    TrainingHistory history;
    Map<String, float[]> weights;
    try {
      Ops tf = fs.tf;
      DensityGraph density = fs.density;
      if (support != null && density.densityNoiseDim() > 0) {
        throw new UnsupportedOperationException("a density truncated to the prior's support needs an exact "
            + "log-density, and " + spec.kind() + "'s is an estimate");
      }
      int batchSize = Math.min(config.batchSizeFor(trainRows.length), trainRows.length);
      Placeholder<TInt32> idx = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(batchSize)));
      // Every minibatch has the same, declared size. A fed tensor's shape is otherwise unknown to TensorFlow's
      // graph optimizer, which then keeps the gradient's shape arithmetic (Shape, BroadcastGradientArgs, Reshape
      // and Sum ops) for every step; with the size known it folds most of them away.
      Operand<TInt32> rows = tf.ensureShape(idx, Shape.of(batchSize));
      Placeholder<TInt64> seed = density.stochasticLoss()
          ? tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2))) : null;
      Operand<TFloat32> u = constant(tf, DensityEstimator.standardize(trainIn, sIn), trainRows.length, input.cols());
      Operand<TFloat32> c = constant(tf, DensityEstimator.standardize(trainCond, sCond), trainRows.length,
          condition.cols());
      Placeholder<TInt64> supportSeed = support == null ? null
          : tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      Operand<TFloat32> cBatch = tf.gather(c, rows, tf.constant(0));
      Operand<TFloat32> perRow = density.trainingLoss(tf, tf.gather(u, rows, tf.constant(0)), cBatch, seed);
      Operand<TFloat32> cVal = constant(tf, DensityEstimator.standardize(condition.selectRows(valRows), sCond), nVal,
          condition.cols());
      Operand<TFloat32> valPerRow = density.trainingLoss(tf,
          constant(tf, DensityEstimator.standardize(input.selectRows(valRows), sIn), nVal, input.cols()), cVal,
          seed == null ? null : tf.constant(new long[] {VALIDATION_SEED, VALIDATION_SEED}));
      List<Variable<TFloat32>> vars = fs.parameters.variables();
      // The update waits for the loss, so no forward op can read weights that Adam has already updated in place.
      Variable<TFloat32> lr = tf.variable(tf.constant((float) config.learningRate()));
      Phase first = null;
      Operand<TFloat32> leak = null;
      if (support != null) {
        Operand<TFloat32> plain = mean(tf, perRow);
        first = new Phase(plain, mean(tf, valPerRow), Adam.step(tf.withSubScope("plain"), vars,
            Training.gradients(fs.graph, plain, vars), tf.identity(lr), (float) config.clipNorm(), List.<Op>of(plain)));
        perRow = tf.math.add(perRow, support.logMass(tf, density, cBatch, batchSize,
            SupportNormalizer.TRAINING_DRAWS, supportSeed));
        Operand<TFloat32> valLogMass = support.logMass(tf, density, cVal, nVal, SupportNormalizer.VALIDATION_DRAWS,
            tf.constant(new long[] {VALIDATION_SEED, VALIDATION_SEED + 1}));
        valPerRow = tf.math.add(valPerRow, valLogMass);
        leak = tf.math.sub(tf.constant(1f), mean(tf, tf.math.exp(valLogMass)));
      }
      Operand<TFloat32> loss = mean(tf, perRow);
      Phase last = new Phase(loss, mean(tf, valPerRow), Adam.step(tf, vars, Training.gradients(fs.graph, loss, vars),
          tf.identity(lr), (float) config.clipNorm(), List.<Op>of(loss)));
      Op drop = tf.assign(lr, tf.math.mul(tf.identity(lr), tf.constant(0.1f)));
      Op[] snapshot = snapshotOps(tf, vars);
      GraphVariables variables = new GraphVariables(tf, fs.graph);
      Session session = fs.start();
      // The truncation's draws take their seeds from a stream of their own, so the minibatch order is unchanged.
      RandomGenerator supportRng = support == null ? null
          : new RandomStreams(config.seed()).stream(1, RandomStreams.Purpose.ESTIMATOR);
      history = new TrainingLoop(session, new TrainingLoop.Feeds(idx, seed, supportSeed, supportRng),
          first == null ? last : first, new Finish(last, leak, minLeak),
          new TrainingLoop.GraphOps(snapshot, drop, variables), trainRows.length, batchSize, config, rng, listener)
          .run(listener.checkpoints() == TrainingCheckpoints.NONE ? ""
              : runId(spec, input, condition, lower, upper, minLeak, config));
      weights = fs.weights();
    } finally {
      fs.close(); // the training graph holds the training set and Adam's moments; inference gets a graph of its own
    }
    return DensityEstimator.frozen(spec, input.cols(), condition.cols(), weights, sIn, sCond, history);
  }

  /** The validation loss's fixed noise seed: the same noise every epoch, so epochs compare fairly. */
  private static final long VALIDATION_SEED = 0x5EEDL;

  /**
   * The {@code size} rows of {@code order} from {@code from} on. When the rows run out, an epoch's last minibatch
   * is filled up from the start of the epoch's order, so that every minibatch has the graph's fixed size.
   */
  static int[] minibatch(int[] order, int from, int size) {
    int[] batch = new int[size];
    for (int i = 0; i < size; i++) {
      batch[i] = order[(from + i) % order.length];
    }
    return batch;
  }

  /** {save, restore}: copy every variable into a shadow copy, and back. */
  private static Op[] snapshotOps(Ops tf, List<Variable<TFloat32>> vars) {
    List<Op> save = new ArrayList<>();
    List<Op> restore = new ArrayList<>();
    for (Variable<TFloat32> v : vars) {
      Variable<TFloat32> shadow = tf.variable(tf.zeros(tf.constant(v.shape()), TFloat32.class));
      save.add(tf.assign(shadow, tf.identity(v)));
      restore.add(tf.assign(v, tf.identity(shadow)));
    }
    return new Op[] {tf.withControlDependencies(save).noOp(), tf.withControlDependencies(restore).noOp()};
  }

  private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> perRow) {
    return tf.math.mean(perRow, tf.constant(0));
  }

  private static Operand<TFloat32> constant(Ops tf, float[] values, int rows, int cols) {
    return tf.constant(Shape.of(rows, cols), DataBuffers.of(values, true, false));
  }

  /**
   * Identifies a training run for its checkpoints: a SHA-256 digest of the estimator, the configuration, the box and
   * every training value, so that a checkpoint is never resumed with other data or settings. The epoch cap is left
   * out: a resumed run may be given more epochs, and up to the old cap it is the same run.
   */
  static String runId(EstimatorSpec spec, Batch input, Batch condition, double[] lower, double[] upper,
      double minLeak, TrainingConfig config) {
    MessageDigest d = Sha256.digest();
    d.update((spec.kind() + spec.hyperParameters() + config.withMaxEpochs(1) + Arrays.toString(lower)
        + Arrays.toString(upper) + minLeak + "|" + input.rows() + "x" + input.cols() + "|" + condition.cols())
        .getBytes(StandardCharsets.UTF_8));
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
    return HexFormat.of().formatHex(d.digest());
  }
}
