package org.jsbi.inference.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The discriminator's input gradient, written out layer by layer for R1's penalty, against TensorFlow's own
 * gradient of the same network's output, and its output against {@link Network#apply}'s.
 */
class NetworkTest {
  @Test
  void theWrittenOutGradientIsTensorFlowsGradient() {
    int rows = 64;
    int dim = 3;
    SplittableRandom rng = new SplittableRandom(5);
    float[][] a = new float[rows][dim];
    float[][] c = new float[rows][2];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < dim; j++) {
        a[i][j] = (float) rng.nextGaussian();
      }
      c[i][0] = (float) rng.nextGaussian();
      c[i][1] = (float) rng.nextGaussian();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Network net = Parameters.packed(tf, new java.util.Random(3), (ops, p) -> new Network(p, "dis", dim, 2, 16, 3, 1))
          .graph();
      Operand<TFloat32> in = tf.identity(tf.constant(a));
      Operand<TFloat32> cond = tf.constant(c);
      Operand<TFloat32>[] both = net.applyWithGradient(tf, in, cond);
      Operand<TFloat32> plain = net.apply(tf, in, cond, false);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> reference = (Operand<TFloat32>) g.addGradients(tf.reduceSum(plain, tf.constant(new int[] {0,
          1})).asOutput(), new Output<?>[] {in.asOutput()})[0];
      try (Session s = Sessions.open(g)) {
        s.initialize();
        try (Result r = s.runner().fetch(both[0]).fetch(plain).fetch(both[1]).fetch(reference).run()) {
          float[] out = values(r, 0, rows);
          float[] outPlain = values(r, 1, rows);
          float[] grad = values(r, 2, rows * dim);
          float[] gradReference = values(r, 3, rows * dim);
          assertThat(out).containsExactly(outPlain);
          double largest = 0;
          for (int k = 0; k < grad.length; k++) {
            largest = Math.max(largest, Math.abs(gradReference[k]));
            assertThat(grad[k]).as("∂D/∂a, entry " + k).isCloseTo(gradReference[k], Offset.offset(1e-5f));
          }
          assertThat(largest).as("a gradient that is not trivially zero").isGreaterThan(0.01);
        }
      }
    }
  }

  private static float[] values(Result r, int i, int n) {
    float[] out = new float[n];
    ((TFloat32) r.get(i)).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
    return out;
  }
}
