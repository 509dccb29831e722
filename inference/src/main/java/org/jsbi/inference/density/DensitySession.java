package org.jsbi.inference.density;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;

/**
 * The TensorFlow graph and session of one estimator, with its inference endpoints (log-density and sampling on fed
 * standardized values). Owns all native resources; callers only see float arrays.
 */
final class DensitySession implements AutoCloseable {
  final int dim;
  final int conditionDim;
  final Graph graph;
  final Ops tf;
  final Parameters parameters;
  final DensityGraph density;
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> condition;
  private final Placeholder<TFloat32> noise;
  private final Placeholder<TFloat32> densityNoise;
  private Operand<TFloat32> logProb; // built on first use: training never needs it, and an ODE's is costly
  private final Operand<TFloat32> sample; // null for a stepped sampler
  private final SteppedSampling stepped;
  private final Placeholder<TFloat32> state;
  private final Operand<TFloat32> firstState;
  private final Operand<TFloat32> nextState;
  private final Operand<TFloat32> embedding;
  private final boolean frozen;
  private Session session;

  /** A session to train in: fresh weights drawn from {@code init}, or, for a warm start, {@code initial}. */
  static DensitySession trainable(EstimatorSpec spec, int dim, int conditionDim, RandomGenerator init,
      Map<String, float[]> initial) {
    return new DensitySession(spec, dim, conditionDim, init, initial, false);
  }

  /** A session for inference on saved weights, held as constants. */
  static DensitySession frozen(EstimatorSpec spec, int dim, int conditionDim, Map<String, float[]> weights) {
    return new DensitySession(spec, dim, conditionDim, null, weights, true);
  }

  private DensitySession(EstimatorSpec spec, int dim, int conditionDim, RandomGenerator init,
      Map<String, float[]> restored, boolean frozen) {
    this.dim = dim;
    this.conditionDim = conditionDim;
    this.frozen = frozen;
    this.graph = new Graph();
    try {
      this.tf = Ops.create(graph);
      // Saved weights for inference go in as constants (see Parameters.frozen); a warm start trains them.
      BiFunction<Ops, Parameters, DensityGraph> build = (ops, p) -> spec.build(ops, p, dim, conditionDim);
      Parameters.Packed<DensityGraph> built = frozen ? Parameters.frozen(tf, restored, build)
          : restored == null ? Parameters.packed(tf, init, build) : Parameters.warm(tf, restored, build);
      this.parameters = built.parameters();
      this.density = built.graph();
      this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
      this.condition = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, conditionDim)));
      this.noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, density.noiseDim())));
      this.densityNoise = density.densityNoiseDim() == 0 ? null
          : tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, density.densityNoiseDim())));
      this.stepped = density.steppedSampling();
      if (stepped == null) {
        this.sample = density.cannotSample() == null ? density.sample(tf, noise, condition) : null;
        this.state = null;
        this.firstState = null;
        this.nextState = null;
      } else {
        this.sample = null;
        this.state = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, stepped.stateDim())));
        this.firstState = stepped.start(tf, noise, condition);
        this.nextState = stepped.step(tf, state, condition);
      }
      this.embedding = density.embeddingDim() > 0 ? density.embedding(tf, condition) : null;
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Creates the session and initializes the variables; call once the graph is complete. A frozen graph's session
   * runs without TensorFlow's graph optimizer ({@link Sessions#openForInference}).
   */
  Session start() {
    session = frozen ? Sessions.openForInference(graph) : Sessions.open(graph);
    session.initialize();
    return session;
  }

  Session session() {
    if (session == null) {
      throw new IllegalStateException("the estimator's session has not been started");
    }
    return session;
  }

  /**
   * log q(u | c) for standardized rows; {@code c} has one row per row of {@code u}. A Monte-Carlo estimate gets
   * noise drawn from a generator seeded by the row's own values: independent from row to row, the same for the
   * same row whatever the batch, so the estimate is reproducible.
   */
  float[] logProb(float[] u, float[] c, int rows) {
    if (densityNoise == null) {
      return run(logProbOp(), input, u, dim, c, rows, 1, null);
    }
    int width = density.densityNoiseDim();
    float[] z = new float[rows * width];
    for (int i = 0; i < rows; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < dim; j++) {
        h = (h ^ Float.floatToIntBits(u[i * dim + j])) * 0xBF58476D1CE4E5B9L;
      }
      for (int j = 0; j < conditionDim; j++) {
        h = (h ^ Float.floatToIntBits(c[i * conditionDim + j])) * 0x94D049BB133111EBL;
      }
      java.util.SplittableRandom rng = new java.util.SplittableRandom(h);
      for (int k = 0; k < width; k++) {
        z[i * width + k] = (float) rng.nextGaussian();
      }
    }
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(rows, width), DataBuffers.of(z, true, false))) {
      return run(logProbOp(), input, u, dim, c, rows, 1, t);
    }
  }

  /**
   * The log-density's ops, added to the graph on first use (a session runs ops added after it was created). A flow
   * matcher's log-density is an ODE with a gradient per dimension at each of its steps: building it took seconds,
   * which training, and sampling, never need.
   */
  private synchronized Operand<TFloat32> logProbOp() {
    if (logProb == null) {
      logProb = densityNoise == null ? density.logProb(tf, input, condition)
          : density.logProb(tf, input, condition, densityNoise);
    }
    return logProb;
  }

  /** The embedding network's features for standardized conditions. */
  float[] embed(float[] c, int rows) {
    float[] out = new float[rows * density.embeddingDim()];
    try (TFloat32 b = TFloat32.tensorOf(Shape.of(rows, conditionDim), DataBuffers.of(c, true, false));
        Result r = Sessions.runner(session()).feed(condition, b).fetch(embedding).run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
    }
    return out;
  }

  /** Standardized draws of u, one per row of noise (width {@link DensityGraph#noiseDim()}) and condition. */
  float[] sample(float[] z, float[] c, int rows) {
    if (density.cannotSample() != null) {
      throw new UnsupportedOperationException(density.cannotSample());
    }
    if (stepped == null) {
      return run(sample, noise, z, density.noiseDim(), c, rows, dim, null);
    }
    int width = stepped.stateDim();
    float[] at = run(firstState, noise, z, density.noiseDim(), c, rows, width, null);
    for (int step = 0; !finished(at, rows, width); step++) {
      if (step == stepped.maxSteps()) {
        throw new IllegalStateException("sampling: " + stepped.describe() + " left draws unfinished after "
            + step + " steps; expected each to finish within " + stepped.maxSteps() + "; try " + stepped.remedy());
      }
      at = run(nextState, state, at, width, c, rows, width, null);
    }
    float[] out = new float[rows * dim];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(at, i * width, out, i * dim, dim);
    }
    return out;
  }

  private boolean finished(float[] at, int rows, int width) {
    for (int i = 0; i < rows; i++) {
      if (at[i * width + stepped.progressColumn()] < 1f) {
        return false;
      }
    }
    return true;
  }

  private float[] run(Operand<TFloat32> fetch, Placeholder<TFloat32> fed, float[] values, int cols, float[] c,
      int rows, int outCols, TFloat32 densityNoiseValues) {
    float[] out = new float[rows * outCols];
    try (TFloat32 a = TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
        TFloat32 b = TFloat32.tensorOf(Shape.of(rows, conditionDim), DataBuffers.of(c, true, false));
        Result r = feedNoise(Sessions.runner(session()).feed(fed, a).feed(condition, b), densityNoiseValues)
            .fetch(fetch).run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
    }
    return out;
  }

  private Session.Runner feedNoise(Session.Runner runner, TFloat32 values) {
    return values == null ? runner : runner.feed(densityNoise, values);
  }

  /** The current value of every weight, by name. */
  Map<String, float[]> weights() {
    return parameters.read(session());
  }

  @Override
  public void close() {
    if (session != null) {
      session.close(); // before the graph: Graph.close() blocks while a session is open
      session = null;
    }
    graph.close();
  }
}
