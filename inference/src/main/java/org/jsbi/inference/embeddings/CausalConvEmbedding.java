package org.jsbi.inference.embeddings;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.DataShape;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Causal, dilated 1-D convolutions over a sequence (as WaveNet and sbi's causal CNN): four layers of kernel size 3
 * with dilations 1, 2, 4 and 8, so that step t sees steps t − 30 to t and never a later one; ReLU between them;
 * then the mean over all steps and the last step's features, and a linear map to the output. Each layer is written
 * as a sum of shifted matrix products (a left-padded copy of the sequence, sliced once per kernel tap), which keeps
 * to the operations whose gradients TensorFlow Java has.
 */
final class CausalConvEmbedding implements Embedding {
  static final int KERNEL = 3;
  static final int[] DILATIONS = {1, 2, 4, 8};

  private final DataShape shape;
  private final int hidden;
  private final int features;
  private final List<Operand<TFloat32>> kernels = new ArrayList<>();
  private final List<Operand<TFloat32>> biases = new ArrayList<>();
  private final Operand<TFloat32> outW;
  private final Operand<TFloat32> outB;

  CausalConvEmbedding(Parameters p, DataShape shape, int hidden, int features) {
    this.shape = shape;
    this.hidden = hidden;
    this.features = features;
    int in = shape.channels();
    for (int l = 0; l < DILATIONS.length; l++) {
      for (int j = 0; j < KERNEL; j++) {
        kernels.add(p.matrix("cnn1d.layer" + l + ".w" + j, in, hidden));
      }
      biases.add(p.vector("cnn1d.layer" + l + ".b", hidden, 0f));
      in = hidden;
    }
    outW = p.matrix("cnn1d.out.w", 2 * hidden, features);
    outB = p.vector("cnn1d.out.b", features, 0f);
  }

  @Override
  public int features() {
    return features;
  }

  /** The last layer's features at every step: [batch, T, hidden]; step t depends on steps up to t only. */
  Operand<TFloat32> steps(Ops tf, Operand<TFloat32> condition) {
    int t = shape.steps();
    Operand<TFloat32> h = tf.reshape(condition, tf.constant(new int[] {-1, t, shape.channels()}));
    int in = shape.channels();
    for (int l = 0; l < DILATIONS.length; l++) {
      int d = DILATIONS[l];
      int pad = (KERNEL - 1) * d;
      Operand<TFloat32> padded = tf.pad(h, tf.constant(new int[][] {{0, 0}, {pad, 0}, {0, 0}}), tf.constant(0f));
      Operand<TFloat32> sum = null;
      for (int j = 0; j < KERNEL; j++) {
        // tap j looks (KERNEL − 1 − j) · d steps back
        Operand<TFloat32> shifted = tf.slice(padded, tf.constant(new int[] {0, j * d, 0}),
            tf.constant(new int[] {-1, t, in}));
        Operand<TFloat32> term = tf.linalg.matMul(tf.reshape(shifted, tf.constant(new int[] {-1, in})),
            kernels.get(l * KERNEL + j));
        sum = sum == null ? term : tf.math.add(sum, term);
      }
      h = tf.reshape(tf.nn.relu(tf.math.add(sum, biases.get(l))), tf.constant(new int[] {-1, t, hidden}));
      in = hidden;
    }
    return h;
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition) {
    Operand<TFloat32> h = steps(tf, condition);
    Operand<TFloat32> mean = tf.math.mean(h, tf.constant(1));
    Operand<TFloat32> last = tf.reshape(tf.slice(h, tf.constant(new int[] {0, shape.steps() - 1, 0}),
        tf.constant(new int[] {-1, 1, hidden})), tf.constant(new int[] {-1, hidden}));
    return tf.math.add(tf.linalg.matMul(tf.concat(List.of(mean, last), tf.constant(1)), outW), outB);
  }
}
