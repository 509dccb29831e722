package org.jsbi.inference.embeddings;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.DataShape;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A small convolutional network for images: two 3 × 3 convolutions (half the hidden filters, then the hidden
 * filters) with ReLU, each followed by 2 × 2 average pooling where the image is still even-sized, then the mean over
 * the pixels and a linear map to the output. Each convolution is written as nine shifted matrix products of a
 * zero-padded copy of the image, which keeps to the operations whose gradients TensorFlow Java has.
 */
final class ConvImageEmbedding implements Embedding {
  private final DataShape shape;
  private final int features;
  private final int[] filters;
  private final List<Operand<TFloat32>> kernels = new ArrayList<>();
  private final List<Operand<TFloat32>> biases = new ArrayList<>();
  private final Operand<TFloat32> outW;
  private final Operand<TFloat32> outB;

  ConvImageEmbedding(Parameters p, DataShape shape, int hidden, int features) {
    this.shape = shape;
    this.features = features;
    this.filters = new int[] {Math.max(1, hidden / 2), hidden};
    int in = shape.channels();
    for (int l = 0; l < filters.length; l++) {
      for (int tap = 0; tap < 9; tap++) {
        kernels.add(p.matrix("cnn2d.layer" + l + ".w" + tap, in, filters[l]));
      }
      biases.add(p.vector("cnn2d.layer" + l + ".b", filters[l], 0f));
      in = filters[l];
    }
    outW = p.matrix("cnn2d.out.w", hidden, features);
    outB = p.vector("cnn2d.out.b", features, 0f);
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> condition) {
    int h = shape.steps();
    int w = shape.width();
    int in = shape.channels();
    Operand<TFloat32> x = tf.reshape(condition, tf.constant(new int[] {-1, h, w, in}));
    for (int l = 0; l < filters.length; l++) {
      Operand<TFloat32> padded = tf.pad(x, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
          tf.constant(0f));
      Operand<TFloat32> sum = null;
      for (int dy = 0; dy < 3; dy++) {
        for (int dx = 0; dx < 3; dx++) {
          Operand<TFloat32> shifted = tf.slice(padded, tf.constant(new int[] {0, dy, dx, 0}),
              tf.constant(new int[] {-1, h, w, in}));
          Operand<TFloat32> term = tf.linalg.matMul(tf.reshape(shifted, tf.constant(new int[] {-1, in})),
              kernels.get(l * 9 + dy * 3 + dx));
          sum = sum == null ? term : tf.math.add(sum, term);
        }
      }
      x = tf.reshape(tf.nn.relu(tf.math.add(sum, biases.get(l))), tf.constant(new int[] {-1, h, w, filters[l]}));
      in = filters[l];
      if (h % 2 == 0 && w % 2 == 0) { // 2 × 2 average pooling
        x = tf.math.mean(tf.reshape(x, tf.constant(new int[] {-1, h / 2, 2, w / 2, 2, in})),
            tf.constant(new int[] {2, 4}));
        h /= 2;
        w /= 2;
      }
    }
    Operand<TFloat32> pooled = tf.math.mean(x, tf.constant(new int[] {1, 2}));
    return tf.math.add(tf.linalg.matMul(pooled, outW), outB);
  }
}
