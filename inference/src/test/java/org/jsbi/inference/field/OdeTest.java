package org.jsbi.inference.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.jsbi.inference.tf.Sessions;
import org.junit.jupiter.api.Test;
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
 * The solver on a linear field v(θ) = θ A, whose flow is θ(t) = θ(0) exp(t A) and whose divergence is trace(A) at
 * every point: the solution, the exact divergence integral, and Hutchinson's estimate, unbiased with the variance
 * 2 |A_sym|²_F of a Gaussian probe.
 */
class OdeTest {
  private static final int DIM = 3;
  // a diagonal part (trace −0.6) and a rotation; θ A with A = D + R, exp(A) known for commuting D = d I
  private static final float[][] A = {{-0.2f, 0.5f, 0f}, {-0.5f, -0.2f, 0f}, {0f, 0f, -0.2f}};

  @Test
  void solvesALinearFlowAndIntegratesItsDivergence() {
    float[] theta = {1f, 0f, 2f};
    float[][] out = run(theta, 1, false, 20);
    // exp(A) = e^{−0.2} [rotation by 0.5 in the first plane, identity in the third]
    double e = Math.exp(-0.2);
    assertThat(out[0][0]).isCloseTo((float) (e * Math.cos(0.5)), Offset.offset(1e-5f));
    assertThat(out[0][1]).isCloseTo((float) (e * Math.sin(0.5)), Offset.offset(1e-5f));
    assertThat(out[0][2]).isCloseTo((float) (2 * e), Offset.offset(1e-5f));
    assertThat(out[1][0]).as("∫ ∇·v dt from 0 to 1").isCloseTo(-0.6f, Offset.offset(1e-5f));
  }

  @Test
  void hutchinsonsEstimateIsUnbiased() {
    int rows = 20_000;
    float[] theta = new float[rows * DIM];
    float[][] out = run(theta, rows, true, 4);
    double mean = 0;
    for (float v : out[1]) {
      mean += v / rows;
    }
    // var(εᵀ A ε) = 2 |sym(A)|²_F = 2 (3 · 0.04) = 0.24: the mean of 20,000 has sd 0.0035
    assertThat(mean).isCloseTo(-0.6, Offset.offset(0.0175));
    assertThat(out[1][0]).isNotEqualTo(out[1][1]);
  }

  /** {θ(1) of the first row, the divergence integrals of all rows}. */
  private static float[][] run(float[] theta, int rows, boolean hutchinson, int steps) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, DIM)));
      Operand<TFloat32> a = tf.constant(A);
      Operand<TFloat32> probe = null;
      if (hutchinson) {
        float[] z = new float[rows * DIM];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < z.length; i++) {
          z[i] = (float) rng.nextGaussian();
        }
        probe = tf.constant(Shape.of(rows, DIM), DataBuffers.of(z));
      }
      Operand<TFloat32>[] end = Ode.solveWithDivergence(tf, in, Ode.uniform(0, 1, steps),
          (ops, x, t) -> ops.linalg.matMul(x, a), DIM, probe);
      try (Session s = Sessions.open(g);
          TFloat32 x = TFloat32.tensorOf(Shape.of(rows, DIM), DataBuffers.of(theta, true, false));
          Result r = Sessions.runner(s).feed(in, x).fetch(end[0]).fetch(end[1]).run()) {
        float[] solved = new float[rows * DIM];
        float[] integral = new float[rows];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(solved, false, false));
        ((TFloat32) r.get(1)).copyTo(DataBuffers.of(integral, false, false));
        return new float[][] {java.util.Arrays.copyOf(solved, DIM), integral};
      }
    }
  }
}
