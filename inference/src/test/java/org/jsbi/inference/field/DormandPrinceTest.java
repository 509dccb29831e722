package org.jsbi.inference.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The adaptive solver on fields whose flows are known: a linear one, θ(t) = θ(0) exp(t A), and dθ/dt = −θ / (t + ε)
 * per row, whose flow θ(1) = θ(0) ε / (1 + ε) is steep near t = 0 for a small ε, so that each row needs its own
 * step sizes.
 */
class DormandPrinceTest {
  private static final int DIM = 3;
  private static final float[][] A = {{-0.2f, 3f, 0f}, {-3f, -0.2f, 0f}, {0f, 0f, 1f}};

  @Test
  void solvesALinearFlowToItsTolerance() {
    Solved loose = solve(new float[] {1f, 0f, 2f}, 0f, 1f, 1e-3f);
    Solved tight = solve(new float[] {1f, 0f, 2f}, 0f, 1f, 1e-6f);
    double e = Math.exp(-0.2);
    double[] exact = {e * Math.cos(3), e * Math.sin(3), 2 * Math.E};
    for (int j = 0; j < DIM; j++) {
      assertThat(tight.theta[j]).as("θ_%d at tolerance 1e-6", j).isCloseTo((float) exact[j], Offset.offset(2e-5f));
      assertThat(loose.theta[j]).as("θ_%d at tolerance 1e-3", j).isCloseTo((float) exact[j], Offset.offset(1e-2f));
    }
    assertThat(tight.steps).as("steps at 1e-6 against 1e-3").isGreaterThan(2 * loose.steps);
  }

  @Test
  void runsBackwardsToWhereItStarted() {
    Solved forward = solve(new float[] {1f, 0f, 2f}, 0f, 1f, 1e-6f);
    Solved back = solve(forward.theta, 1f, 0f, 1e-6f);
    assertThat(back.theta).containsExactly(new float[] {1f, 0f, 2f}, Offset.offset(1e-4f));
  }

  @Test
  void followsASteepRowAndAGentleOneTogether() {
    // row 0: ε = 1 (gentle), row 1: ε = 10⁻³ (steep near t = 0); θ(1) = θ(0) ε / (1 + ε) in every coordinate
    float[] theta = {1f, 1f, 1f, 1f, 1f, 1f};
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> eps = tf.constant(new float[][] {{1f}, {1e-3f}});
      DormandPrince.Field v = (ops, x, t) -> ops.math.neg(ops.math.div(x, ops.math.add(t, eps)));
      Solved s = loop(g, tf, theta, 2, new DormandPrince(DIM, 0f, 1f, 1e-5f), v);
      assertThat(s.theta[0]).isCloseTo(0.5f, Offset.offset(1e-4f));
      assertThat(s.theta[DIM]).isCloseTo((float) (1e-3 / 1.001), Offset.offset(1e-5f));
    }
  }

  @Test
  void refusesATolerancePerStepOfZero() {
    assertThatThrownBy(() -> new DormandPrince(DIM, 0f, 1f, 0f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance");
  }

  private record Solved(float[] theta, int steps) {}

  private static Solved solve(float[] theta, float from, float to, float tolerance) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.constant(A);
      return loop(g, tf, theta, 1, new DormandPrince(DIM, from, to, tolerance), (ops, x, t) -> ops.linalg.matMul(x,
          a));
    }
  }

  /** The solver's loop, as DensitySession runs it: start, then steps until every row's progress is 1. */
  private static Solved loop(Graph g, Ops tf, float[] theta, int rows, DormandPrince solver, DormandPrince.Field v) {
    Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, DIM)));
    Placeholder<TFloat32> state = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, solver.stateDim())));
    Operand<TFloat32> first = solver.start(tf, in, v);
    Operand<TFloat32> next = solver.step(tf, state, v);
    int width = solver.stateDim();
    try (Session s = Sessions.open(g)) {
      float[] at = run(s, first, in, theta, rows, DIM, width);
      int steps = 0;
      while (!done(at, rows, width, solver.progressColumn())) {
        assertThat(steps).as("steps").isLessThan(2000);
        at = run(s, next, state, at, rows, width, width);
        steps++;
      }
      float[] out = new float[rows * DIM];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(at, i * width, out, i * DIM, DIM);
      }
      return new Solved(out, steps);
    }
  }

  private static boolean done(float[] at, int rows, int width, int column) {
    for (int i = 0; i < rows; i++) {
      if (at[i * width + column] < 1f) {
        return false;
      }
    }
    return true;
  }

  private static float[] run(Session s, Operand<TFloat32> fetch, Placeholder<TFloat32> fed, float[] values, int rows,
      int cols, int outCols) {
    float[] out = new float[rows * outCols];
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
        Result r = Sessions.runner(s).feed(fed, x).fetch(fetch).run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
    }
    return out;
  }
}
