package org.jsbi.inference.tf;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Sessions configured as jsbi needs them. */
public final class Sessions {
  /**
   * One intra-op and one inter-op thread: fastest for networks of this size on the measured machines, and what
   * makes results bit-for-bit reproducible. TensorFlow applies the first session's setting to the whole process.
   */
  private static final ConfigProto CONFIG = ConfigProto.newBuilder()
      .setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();

  private Sessions() {}

  public static Session open(Graph graph) {
    return new Session(graph, CONFIG);
  }
}
