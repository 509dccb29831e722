package org.jsbi.inference.tf;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunOptions;

/** Sessions configured as jsbi needs them. */
public final class Sessions {
  /**
   * One intra-op and one inter-op thread: fastest for networks of this size on the measured machines, and (with
   * {@link #runner}) what makes results bit-for-bit reproducible. TensorFlow applies the first session's setting to
   * the whole process.
   */
  private static final ConfigProto CONFIG = ConfigProto.newBuilder()
      .setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();

  /**
   * Every op of a run executes on the calling thread. Without this, TensorFlow's executor hands ops to its inter-op
   * thread but now and then runs one on the caller instead, depending on timing, and the two threads differ on
   * subnormal results: TensorFlow's own threads flush them to zero, a Java thread keeps them (SessionsTest). Over a
   * long training run that changed the weights; docs/benchmark-history.md has the measurements and the command that
   * checks it.
   */
  /**
   * For graphs that only evaluate (weights held as constants): TensorFlow's graph optimizer (Grappler) switched
   * off. On a frozen flow it cost 100–250 ms on a session's first run and again for each new batch size, and about
   * 90 µs on every call of one row, against nothing saved per call (docs/benchmark-history.md, "Inference without
   * the graph optimizer"). Training graphs keep it: it folds the gradient's shape arithmetic there. The system
   * property {@code jsbi.inferenceGraphOptimizer=true} switches it back on, for that comparison.
   */
  private static final ConfigProto INFERENCE = Boolean.getBoolean("jsbi.inferenceGraphOptimizer") ? CONFIG
      : CONFIG.toBuilder().setGraphOptions(GraphOptions.newBuilder()
          .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true))).build();

  private static final RunOptions ON_CALLER = RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private Sessions() {}

  /** A runner whose ops all execute on the calling thread; use it for every run, so that results are reproducible. */
  public static Session.Runner runner(Session session) {
    return session.runner().setOptions(ON_CALLER);
  }

  /** The version of the TensorFlow native library in use, for a saved posterior's provenance. */
  public static String tensorflowVersion() {
    return org.tensorflow.TensorFlow.version();
  }

  public static Session open(Graph graph) {
    return new Session(graph, CONFIG);
  }

  /** A session for a graph that only evaluates, without TensorFlow's graph optimizer (see {@link #INFERENCE}). */
  public static Session openForInference(Graph graph) {
    return new Session(graph, INFERENCE);
  }
}
