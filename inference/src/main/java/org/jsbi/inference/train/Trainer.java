package org.jsbi.inference.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.tf.Adam;
import org.jsbi.inference.tf.GraphVariables;
import org.jsbi.inference.tf.Training;
import org.tensorflow.Graph;
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

/**
 * The one training loop of every estimator and classifier: the data held inside the graph as named tables,
 * minibatches of one declared size gathered by index, our Adam with global-norm clipping, and one of two stopping
 * rules. By default, early stopping on the validation loss that keeps the best weights, once it has gone back to
 * them at a tenth of the learning rate as often as {@link TrainingConfig#learningRateDrops} says; or, with {@link
 * #stopOnTrainingLoss}, sklearn's rule, on the training loss alone. Each epoch is reported to the listener, whose
 * checkpoints it saves and resumes from bit for bit. What is minimized is an {@link Objective}'s business.
 *
 * <pre>{@code
 * Trainer.Run run = new Trainer(graph, tf, parameters.variables(), config, rng)
 *     .training("x", x, n, d).validation("x", xVal, nVal, d).build(objective);
 * session.initialize();
 * TrainingHistory history = run.fit(session, listener, "");
 * }</pre>
 */
public final class Trainer {
  private record Table(float[] values, int rows, int cols) {}

  private final Graph graph;
  private final Ops tf;
  private final List<Variable<TFloat32>> variables;
  private final TrainingConfig config;
  private final RandomGenerator rng;
  private final Map<String, Table> training = new LinkedHashMap<>();
  private final Map<String, Table> validation = new LinkedHashMap<>();
  private double tolerance = Double.NaN;
  private boolean average;

  /**
   * @param variables what the updates move unless an update names its own
   * @param rng the minibatch order and the noise seeds come from it; draws nothing before {@link Run#fit}
   */
  public Trainer(Graph graph, Ops tf, List<Variable<TFloat32>> variables, TrainingConfig config,
      RandomGenerator rng) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.tf = Objects.requireNonNull(tf, "tf");
    this.variables = List.copyOf(variables);
    // a patience left to the estimator (0) gets sbi's here, where no estimator says otherwise
    this.config = Objects.requireNonNull(config, "config").patience() > 0 ? config
        : config.withPatience(TrainingConfig.SBI_PATIENCE);
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  /** A training table, row-major; every training table has the same rows. */
  public Trainer training(String name, float[] values, int rows, int cols) {
    training.put(name, table("training", name, values, rows, cols));
    return this;
  }

  /** A validation table, row-major; every validation table has the same rows. */
  public Trainer validation(String name, float[] values, int rows, int cols) {
    validation.put(name, table("validation", name, values, rows, cols));
    return this;
  }

  /**
   * Stops once the epoch's training loss has not fallen by {@code tolerance} for {@link TrainingConfig#patience}
   * epochs, keeping the last weights, as sklearn's {@code MLPClassifier} does; an epoch's last minibatch then holds
   * the rows left over instead of being filled up, and the epoch's loss is the mean over rows.
   */
  public Trainer stopOnTrainingLoss(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance: expected 0 or more, got " + tolerance);
    }
    this.tolerance = tolerance;
    return this;
  }

  /**
   * Validates, keeps and returns an exponential moving average of the weights over the steps (Polyak averaging, as
   * diffusion models are trained), with a time constant of ten epochs' steps, at most 1,000, instead
   * of the weights of the last step. For regression losses whose minibatch noise leaves the weights jittering; with
   * early stopping on validation only.
   */
  public Trainer averageWeights(boolean average) {
    this.average = average;
    return this;
  }

  /** Adds the data, {@code objective}'s losses and the optimizer to the graph; start the session after this. */
  public Run build(Objective objective) {
    int nTrain = rows(training, "training");
    boolean partial = !Double.isNaN(tolerance);
    int stepRows = Math.min(config.batchSizeFor(nTrain), nTrain);
    int declared = !partial || nTrain % stepRows == 0 ? stepRows : -1;
    if (!partial && validation.isEmpty()) {
      throw new IllegalStateException("validation: expected the tables early stopping validates on, got none; "
          + "add them, or stop on the training loss");
    }
    Placeholder<TInt32> idx = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(declared)));
    // Every minibatch has the same, declared size. A fed tensor's shape is otherwise unknown to TensorFlow's
    // graph optimizer, which then keeps the gradient's shape arithmetic (Shape, BroadcastGradientArgs, Reshape
    // and Sum ops) for every step; with the size known it folds most of them away.
    Operand<TInt32> rows = tf.ensureShape(idx, Shape.of(declared));
    TrainingGraph g = new TrainingGraph(tf, rows, declared, constants(training), constants(validation));
    Stages stages = objective.build(g);
    if (!partial && (stages.first().validationLoss() == null
        || stages.finish() != null && stages.finish().validationLoss() == null)) {
      throw new IllegalStateException("objective: expected a validation loss for every stage, got none");
    }
    // The update waits for the loss, so no forward op can read weights that Adam has already updated in place.
    Variable<TFloat32> lr = tf.variable(tf.constant((float) config.learningRate()));
    Op firstStep = stages.finish() == null ? null : step(tf.withSubScope("first"), stages.first(), lr);
    Op lastStep = step(tf, stages.finish() == null ? stages.first() : stages.finish(), lr);
    Op[] averaging = null;
    if (average && !partial) {
      int stepsPerEpoch = (nTrain + stepRows - 1) / stepRows;
      WeightAverage w = new WeightAverage(tf, variables, 1 - 1.0 / Math.min(1000, 10 * stepsPerEpoch));
      firstStep = firstStep == null ? null : w.after(firstStep);
      lastStep = w.after(lastStep);
      averaging = w.ops();
    }
    TrainingLoop.Phase last = new TrainingLoop.Phase(stages.finish() == null ? stages.first() : stages.finish(),
        lastStep);
    TrainingLoop.Phase first = firstStep == null ? last : new TrainingLoop.Phase(stages.first(), firstStep);
    Op drop = tf.assign(lr, tf.math.mul(tf.identity(lr), tf.constant(0.1f)));
    Op[] snapshot = partial ? null : snapshotOps(tf, variables);
    GraphVariables all = new GraphVariables(tf, graph);
    // Seeds for an objective's own draws come from a stream of their own, so the minibatch order is unchanged.
    RandomGenerator streamRng = g.streamSeedIfUsed() == null ? null
        : new RandomStreams(config.seed()).stream(1, RandomStreams.Purpose.ESTIMATOR);
    TrainingLoop.Feeds feeds = new TrainingLoop.Feeds(idx, g.noiseSeedIfUsed(), g.streamSeedIfUsed(), streamRng);
    return new Run(feeds, first, last, stages, new TrainingLoop.GraphOps(snapshot, drop, all, averaging), nTrain,
        stepRows, partial);
  }

  /** A built training run. */
  public final class Run {
    private final TrainingLoop.Feeds feeds;
    private final TrainingLoop.Phase first;
    private final TrainingLoop.Phase last;
    private final Stages stages;
    private final TrainingLoop.GraphOps ops;
    private final int nTrain;
    private final int stepRows;
    private final boolean partial;

    private Run(TrainingLoop.Feeds feeds, TrainingLoop.Phase first, TrainingLoop.Phase last, Stages stages,
        TrainingLoop.GraphOps ops, int nTrain, int stepRows, boolean partial) {
      this.feeds = feeds;
      this.first = first;
      this.last = last;
      this.stages = stages;
      this.ops = ops;
      this.nTrain = nTrain;
      this.stepRows = stepRows;
      this.partial = partial;
    }

    /**
     * Trains to the end in {@code session} (initialized), from run {@code runId}'s checkpoint if the listener's
     * checkpoints hold one, and leaves the kept weights in the graph's variables.
     */
    public TrainingHistory fit(Session session, TrainingListener listener, String runId) {
      TrainingLoop.Schedule schedule = new TrainingLoop.Schedule(nTrain, stepRows, partial, tolerance,
          stages.gate(), stages.threshold());
      return new TrainingLoop(session, feeds, first, last, ops, schedule, config, rng, listener).run(runId);
    }
  }

  private Op step(Ops scope, Stage stage, Variable<TFloat32> lr) {
    List<Op> waitFor = new ArrayList<>();
    stage.updates().forEach(u -> waitFor.add(u.loss()));
    List<Op> steps = new ArrayList<>();
    for (int i = 0; i < stage.updates().size(); i++) {
      Stage.Update u = stage.updates().get(i);
      List<Variable<TFloat32>> vars = u.variables() == null ? variables : u.variables();
      steps.add(Adam.step(i == 0 ? scope : scope.withSubScope("update" + i), vars,
          Training.gradients(graph, u.loss(), vars), tf.identity(lr), (float) config.clipNorm(), waitFor));
    }
    return steps.size() == 1 ? steps.get(0) : tf.withControlDependencies(steps).noOp();
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

  private Map<String, Operand<TFloat32>> constants(Map<String, Table> tables) {
    Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
    tables.forEach((name, t) -> out.put(name,
        tf.constant(Shape.of(t.rows(), t.cols()), DataBuffers.of(t.values(), true, false))));
    return out;
  }

  private static int rows(Map<String, Table> tables, String kind) {
    if (tables.isEmpty()) {
      throw new IllegalStateException(kind + ": expected at least one table, got none");
    }
    return tables.values().iterator().next().rows();
  }

  private Table table(String kind, String name, float[] values, int rows, int cols) {
    Map<String, Table> tables = kind.equals("training") ? training : validation;
    if (!tables.isEmpty() && rows(tables, kind) != rows) {
      throw new IllegalArgumentException(name + ": expected " + rows(tables, kind) + " rows like the other " + kind
          + " tables, got " + rows);
    }
    if (values.length != rows * cols) {
      throw new IllegalArgumentException(name + ": expected " + rows + " x " + cols + " values, got "
          + values.length);
    }
    if (kind.equals("training") && rows < 2) {
      throw new IllegalArgumentException(name + ": expected at least 2 training rows, got " + rows);
    }
    return new Table(values, rows, cols);
  }
}
