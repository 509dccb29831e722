package org.jsbi.inference.checks;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.tf.Adam;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.jsbi.inference.train.Stage;
import org.jsbi.inference.train.Stages;
import org.jsbi.inference.train.Trainer;
import org.jsbi.inference.train.TrainingGraph;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * K binary MLP classifiers on the same features, each with its own labels, trained side by side in one graph: the
 * classifier of the real labels and those of the permuted labels that make L-C2ST's null distribution. Each has two
 * hidden layers of ReLU units; the loss is the mean of the K log-losses with sklearn's L2 penalty, so every
 * classifier's gradient is its own (Adam's step is per weight). All K are trained for the same epochs and stopped by
 * one rule that treats them alike (the mean training loss, as sklearn stops), so under the null hypothesis the
 * classifier of the real labels is exchangeable with the others.
 */
final class ClassifierEnsemble implements AutoCloseable {
  private static final int BATCH = 200;
  private static final float LEARNING_RATE = 1e-3f;
  private static final float L2 = 1e-4f;
  private static final double TOL = 1e-4;
  private static final int NO_CHANGE_EPOCHS = 10;

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> probabilities;
  private final int count;
  private final int epochs;

  private ClassifierEnsemble(Graph graph, Session session, Placeholder<TFloat32> input,
      Operand<TFloat32> probabilities, int count, int epochs) {
    this.graph = graph;
    this.session = session;
    this.input = input;
    this.probabilities = probabilities;
    this.count = count;
    this.epochs = epochs;
  }

  /**
   * Trains {@code count} classifiers on {@code features} [rows, in] with {@code labels} [rows, count] (0 or 1;
   * column k is classifier k's), for at most {@code maxEpochs} epochs.
   */
  static ClassifierEnsemble train(float[] features, int rows, int in, float[] labels, int count, int hidden,
      int maxEpochs, RandomGenerator rng) {
    Graph graph = new Graph();
    Session session = null;
    try {
      Ops tf = Ops.create(graph);
      Parameters p = new Parameters(tf, rng, null);
      Network net = new Network(tf, p, in, hidden, count);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in)));
      Operand<TFloat32> probabilities = tf.math.sigmoid(net.logits(input));
      TrainingConfig config = new TrainingConfig(LEARNING_RATE, BATCH, 0.1, NO_CHANGE_EPOCHS, 0, Float.MAX_VALUE,
          maxEpochs, 0);
      Trainer.Run run = new Trainer(graph, tf, p.variables(), config, rng).training("x", features, rows, in)
          .training("y", labels, rows, count).stopOnTrainingLoss(TOL).build(g -> net.loss(g, count));
      session = Sessions.open(graph);
      session.initialize();
      int epochs = run.fit(session, TrainingListener.NONE, "").epochs().size();
      return new ClassifierEnsemble(graph, session, input, probabilities, count, epochs);
    } catch (RuntimeException e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    }
  }

  /** The epochs trained. */
  int epochs() {
    return epochs;
  }

  /** Each classifier's probability of label 1 for each row of {@code features} [rows, in]: [count][rows]. */
  double[][] probabilities(float[] features, int rows, int in) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(rows, in), DataBuffers.of(features, true, false));
        Result r = Sessions.runner(session).feed(input, x).fetch(probabilities).run()) {
      TFloat32 p = (TFloat32) r.get(0);
      double[][] out = new double[count][rows];
      for (int k = 0; k < count; k++) {
        for (int i = 0; i < rows; i++) {
          out[k][i] = p.getFloat(k, i);
        }
      }
      return out;
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** The K networks' weights and forward pass. */
  private static final class Network {
    private final Ops tf;
    private final int hidden;
    private final int count;
    private final Operand<TFloat32> w1;
    private final Operand<TFloat32> b1;
    private final Operand<TFloat32> w2;
    private final Operand<TFloat32> b2;
    private final Operand<TFloat32> w3;
    private final Operand<TFloat32> b3;

    Network(Ops tf, Parameters p, int in, int hidden, int count) {
      this.tf = tf;
      this.hidden = hidden;
      this.count = count;
      // The first layer of all K networks is one matrix [in, K·hidden], so the shared input is multiplied once.
      w1 = tf.reshape(tf.linalg.transpose(p.matrices("ensemble.w1", count, in, hidden), tf.constant(new int[] {1, 0,
          2})), tf.constant(new int[] {in, count * hidden}));
      b1 = p.vector("ensemble.b1", count * hidden, 0f);
      w2 = p.matrices("ensemble.w2", count, hidden, hidden);
      b2 = tf.reshape(p.vector("ensemble.b2", count * hidden, 0f), tf.constant(new int[] {count, 1, hidden}));
      w3 = p.matrices("ensemble.w3", count, hidden, 1);
      b3 = tf.reshape(p.vector("ensemble.b3", count, 0f), tf.constant(new int[] {count, 1}));
    }

    /** Logits [K, rows] for input [rows, in]. */
    Operand<TFloat32> logits(Operand<TFloat32> x) {
      Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w1), b1));
      h = tf.linalg.transpose(tf.reshape(h, tf.constant(new int[] {-1, count, hidden})),
          tf.constant(new int[] {1, 0, 2}));
      h = tf.nn.relu(tf.math.add(tf.train.batchMatMul(h, w2, TFloat32.class), b2));
      return tf.math.add(tf.reshape(tf.train.batchMatMul(h, w3, TFloat32.class), tf.constant(new int[] {count, -1})), b3);
    }

    /** The mean over the K classifiers of sklearn's loss: log-loss plus alpha / (2 · batch) · ||W||². */
    Stages loss(TrainingGraph g, int k) {
      Operand<TFloat32> y = tf.linalg.transpose(g.batch("y"), tf.constant(new int[] {1, 0}));
      Operand<TFloat32> l = logits(g.batch("x"));
      // −[y log σ(l) + (1 − y) log(1 − σ(l))] = softplus(l) − y·l
      Operand<TFloat32> logLoss = tf.math.mean(tf.math.sub(tf.math.softplus(l), tf.math.mul(y, l)),
          tf.constant(new int[] {0, 1}));
      Operand<TFloat32> penalty = tf.constant(0f);
      for (Operand<TFloat32> w : List.of(w1, w2, w3)) {
        penalty = tf.math.add(penalty, tf.reduceSum(tf.math.square(w), Adam.allAxes(tf, w)));
      }
      Operand<TFloat32> batchSize = tf.reshape(tf.dtypes.cast(tf.shape(g.rows()), TFloat32.class),
          tf.constant(new int[0]));
      Operand<TFloat32> scaled = tf.math.div(tf.math.mul(tf.constant(L2 / (2f * k)), penalty), batchSize);
      return Stages.of(Stage.of(tf.math.add(logLoss, scaled), null));
    }
  }
}
