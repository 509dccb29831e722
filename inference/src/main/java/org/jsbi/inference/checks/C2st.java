package org.jsbi.inference.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.tf.Adam;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.jsbi.inference.tf.Training;
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
import org.tensorflow.types.TInt32;

/**
 * Classifier two-sample test (Lopez-Paz and Oquab 2017) as sbibm computes it: both sample sets are z-scored with
 * the reference's mean and standard deviation, an MLP with two hidden layers of 10·dim ReLU units is trained with
 * Adam to tell them apart (sklearn's {@code MLPClassifier} defaults: learning rate 1e-3, L2 penalty 1e-4,
 * minibatches of 200, stopping once the training loss has not improved by 1e-4 for 10 epochs, at most 10,000
 * epochs), and the score is the mean held-out accuracy over stratified 5-fold cross-validation. 0.5 means the sets
 * are indistinguishable, 1.0 fully separable.
 *
 * <p>Needs: samples only (from any posterior and a reference), no capability.
 */
public final class C2st {
  private static final int FOLDS = 5;
  private static final int BATCH = 200;
  private static final float LEARNING_RATE = 1e-3f;
  private static final float L2 = 1e-4f;
  private static final double TOL = 1e-4;
  private static final int NO_CHANGE_EPOCHS = 10;
  private static final int MAX_EPOCHS = 10_000;

  private C2st() {}

  /** The C2ST accuracy between {@code samples} and {@code reference}; reproducible from {@code seed}. */
  public static double score(Batch samples, Batch reference, long seed) {
    Arguments.columns("samples", samples, reference.cols());
    Arguments.finiteBatch("samples", samples);
    Arguments.finiteBatch("reference", reference);
    if (samples.rows() < FOLDS || reference.rows() < FOLDS) {
      throw new IllegalArgumentException("samples and reference: expected at least " + FOLDS + " rows each, got "
          + samples.rows() + " and " + reference.rows());
    }
    int d = reference.cols();
    int n = samples.rows() + reference.rows();
    Standardization z = Standardization.of(reference);
    float[] features = new float[n * d];
    float[] labels = new float[n];
    fill(features, labels, 0, samples, z, 1f);
    fill(features, labels, samples.rows(), reference, z, 0f);
    RandomStreams streams = new RandomStreams(seed);
    int[][] folds = stratifiedFolds(samples.rows(), reference.rows(), streams.single(RandomStreams.Purpose.ESTIMATOR));
    // The folds are independent: each gets its own graph, session and random stream, and they run in parallel.
    int threads = Math.min(FOLDS, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "jsbi-c2st");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<Double>> scores = new ArrayList<>();
      for (int k = 0; k < FOLDS; k++) {
        int fold = k;
        scores.add(pool.submit(() -> fold(features, labels, n, d, folds, fold,
            streams.stream(fold, RandomStreams.Purpose.ESTIMATOR))));
      }
      double sum = 0;
      for (var f : scores) {
        sum += f.get();
      }
      return sum / FOLDS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("C2ST interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("C2ST failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double fold(float[] features, float[] labels, int n, int d, int[][] folds, int k,
      RandomGenerator rng) {
    try (Graph graph = new Graph()) {
      int[] train = trainIndices(folds, k);
      Classifier c = new Classifier(graph, features, labels, n, d, rng);
      Trainer.Run run = c.trainer(graph, features, labels, d, train, rng);
      try (Session session = Sessions.open(graph)) {
        session.initialize();
        run.fit(session, TrainingListener.NONE, "");
        return c.accuracy(session, folds[k]);
      }
    }
  }

  private static void fill(float[] f, float[] y, int offset, Batch b, Standardization z, float label) {
    double[] m = z.mean();
    double[] s = z.std();
    int d = b.cols();
    for (int i = 0; i < b.rows(); i++) {
      for (int j = 0; j < d; j++) {
        f[(offset + i) * d + j] = (float) ((b.get(i, j) - m[j]) / s[j]);
      }
      y[offset + i] = label;
    }
  }

  /** Each class shuffled and dealt round-robin into the folds, so every fold keeps the class proportions. */
  static int[][] stratifiedFolds(int first, int second, RandomGenerator rng) {
    List<List<Integer>> folds = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      folds.add(new ArrayList<>());
    }
    int[] a = shuffled(0, first, rng);
    int[] b = shuffled(first, second, rng);
    for (int i = 0; i < a.length; i++) {
      folds.get(i % FOLDS).add(a[i]);
    }
    for (int i = 0; i < b.length; i++) {
      folds.get(i % FOLDS).add(b[i]);
    }
    return folds.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** from, from + 1, …, from + count − 1 in random order. */
  private static int[] shuffled(int from, int count, RandomGenerator rng) {
    int[] p = Training.permutation(count, rng);
    for (int i = 0; i < count; i++) {
      p[i] += from;
    }
    return p;
  }

  private static int[] trainIndices(int[][] folds, int held) {
    return java.util.stream.IntStream.range(0, folds.length).filter(k -> k != held)
        .flatMap(k -> Arrays.stream(folds[k])).toArray();
  }

  /**
   * The MLP and its evaluation ops, on all rows held in the graph; trained by the shared {@link Trainer} on sklearn's
   * log-loss with its L2 penalty, stopping as sklearn does.
   */
  private static final class Classifier {
    private final Ops tf;
    private final Parameters p;
    private final List<Operand<TFloat32>> w;
    private final List<Operand<TFloat32>> b;
    private final Placeholder<TInt32> testIdx;
    private final Operand<TFloat32> correct;

    Classifier(Graph graph, float[] features, float[] labels, int n, int d, RandomGenerator rng) {
      tf = Ops.create(graph);
      int hidden = 10 * d;
      p = new Parameters(tf, rng, null);
      w = List.of(p.matrix("c2st.w1", d, hidden), p.matrix("c2st.w2", hidden, hidden), p.matrix("c2st.w3", hidden, 1));
      b = List.of(p.vector("c2st.b1", hidden, 0f), p.vector("c2st.b2", hidden, 0f), p.vector("c2st.b3", 1, 0f));
      Operand<TFloat32> xs = tf.constant(Shape.of(n, d), DataBuffers.of(features, true, false));
      Operand<TFloat32> ys = tf.constant(Shape.of(n), DataBuffers.of(labels, true, false));
      testIdx = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      Operand<TFloat32> testLogits = logits(tf, tf.gather(xs, testIdx, tf.constant(0)), w, b);
      correct = tf.reduceSum(tf.dtypes.cast(tf.math.equal(tf.dtypes.cast(tf.math.greater(testLogits,
          tf.constant(0f)), TFloat32.class), tf.gather(ys, testIdx, tf.constant(0))), TFloat32.class),
          tf.constant(0));
    }

    /** The training run on rows {@code train}: minibatches of 200, the last one of an epoch what is left over. */
    Trainer.Run trainer(Graph graph, float[] features, float[] labels, int d, int[] train, RandomGenerator rng) {
      float[] x = new float[train.length * d];
      float[] y = new float[train.length];
      for (int i = 0; i < train.length; i++) {
        System.arraycopy(features, train[i] * d, x, i * d, d);
        y[i] = labels[train[i]];
      }
      TrainingConfig config = new TrainingConfig(LEARNING_RATE, BATCH, 0.1, NO_CHANGE_EPOCHS, 0, Float.MAX_VALUE,
          MAX_EPOCHS, 0);
      return new Trainer(graph, tf, p.variables(), config, rng).training("x", x, train.length, d)
          .training("y", y, train.length, 1).stopOnTrainingLoss(TOL).build(this::logLoss);
    }

    /** sklearn's loss: the mean log-loss plus alpha / (2 · batch) · ||W||². */
    private Stages logLoss(TrainingGraph g) {
      Operand<TFloat32> y = tf.reshape(g.batch("y"), tf.constant(new int[] {-1}));
      Operand<TFloat32> logits = logits(tf, g.batch("x"), w, b);
      // Log-loss via softplus: −[y log σ(l) + (1 − y) log(1 − σ(l))] = softplus(l) − y·l.
      Operand<TFloat32> logLoss = tf.math.mean(tf.math.sub(tf.math.softplus(logits), tf.math.mul(y, logits)),
          tf.constant(0));
      Operand<TFloat32> penalty = tf.constant(0f);
      for (Operand<TFloat32> wi : w) {
        penalty = tf.math.add(penalty, tf.reduceSum(tf.math.square(wi), Adam.allAxes(tf, wi)));
      }
      Operand<TFloat32> batchSize = tf.dtypes.cast(tf.shape(g.rows()), TFloat32.class);
      return Stages.of(Stage.of(tf.math.add(logLoss, tf.math.div(tf.math.mul(tf.constant(L2 / 2), penalty),
          tf.reshape(batchSize, tf.constant(new int[0])))), null));
    }

    private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> x, List<Operand<TFloat32>> w,
        List<Operand<TFloat32>> b) {
      Operand<TFloat32> h = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w.get(0)), b.get(0)));
      h = tf.nn.relu(tf.math.add(tf.linalg.matMul(h, w.get(1)), b.get(1)));
      return tf.reshape(tf.math.add(tf.linalg.matMul(h, w.get(2)), b.get(2)), tf.constant(new int[] {-1}));
    }

    double accuracy(Session session, int[] test) {
      try (TInt32 t = TInt32.vectorOf(test);
          Result r = Sessions.runner(session).feed(testIdx, t).fetch(correct).run()) {
        return ((TFloat32) r.get(0)).getFloat() / test.length;
      }
    }
  }
}
