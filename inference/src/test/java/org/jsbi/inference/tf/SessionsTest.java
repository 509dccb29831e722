package org.jsbi.inference.tf;

import static org.assertj.core.api.Assertions.assertThat;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility rests on every op of a run executing on the calling thread (docs/benchmark-history.md: a long
 * spline flow run
 * otherwise ended differently from run to run). TensorFlow's own threads flush subnormal results to zero and a Java
 * thread does not, so a subnormal product shows which thread ran the op.
 */
class SessionsTest {
  @Test
  void everyRunExecutesOnTheCallingThread() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1)));
      Operand<TFloat32> y = tf.math.mul(x, tf.constant(0.01f));
      try (Session session = Sessions.open(graph); TFloat32 tiny = TFloat32.vectorOf(1e-38f)) {
        for (int i = 0; i < 100; i++) {
          try (Result r = Sessions.runner(session).feed(x, tiny).fetch(y).run()) {
            assertThat(((TFloat32) r.get(0)).getFloat(0)).isEqualTo(1e-38f * 0.01f).isNotZero();
          }
        }
      }
    }
  }
}
