package org.jsbi.inference.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.DataShape;
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

/** The set embeddings' training augmentation: each set also seen as a subset of its own first trials. */
class TrialsSubsetsTest {
  private static final DataShape SHAPE = DataShape.trials(2, 10, 1);
  private static final int ROWS = 20_000;

  /**
   * Rows of N = 10 and N = 4 trials: N' stays in [2, N], the trial values are untouched, half the rows keep their
   * whole set and the others' N' is uniform on [2, N]; another seed draws other subsets.
   */
  @Test
  void subsetsAreSetsOfTheFirstTrialsWithNUniformBelowTheWhole() {
    float[] rows = new float[ROWS * SHAPE.columns()];
    for (int i = 0; i < ROWS; i++) {
      rows[i * SHAPE.columns()] = i % 2 == 0 ? 10 : 4;
      for (int k = 1; k < SHAPE.columns(); k++) {
        rows[i * SHAPE.columns() + k] = i + k / 100f;
      }
    }
    float[] first = subsets(rows, 7);
    float[] second = subsets(rows, 8);
    int[][] counts = new int[2][11];
    int differ = 0;
    for (int i = 0; i < ROWS; i++) {
      int n = i % 2 == 0 ? 10 : 4;
      int drawn = (int) first[i * SHAPE.columns()];
      assertThat((float) drawn).as("row %d's N'", i).isEqualTo(first[i * SHAPE.columns()]);
      assertThat(drawn).as("row %d's N'", i).isBetween(2, n);
      counts[i % 2][drawn]++;
      differ += drawn != (int) second[i * SHAPE.columns()] ? 1 : 0;
      for (int k = 1; k < SHAPE.columns(); k++) {
        assertThat(first[i * SHAPE.columns() + k]).isEqualTo(rows[i * SHAPE.columns() + k]);
      }
    }
    for (int g = 0; g < 2; g++) {
      int n = g == 0 ? 10 : 4;
      double half = ROWS / 2.0;
      for (int k = 2; k <= n; k++) {
        // chance ½ to keep N, else each of the n − 1 values 2..n equally
        double expected = half * ((1 - TrialsLayout.KEEP_WHOLE) / (n - 1) + (k == n ? TrialsLayout.KEEP_WHOLE : 0));
        double sd = Math.sqrt(expected);
        assertThat((double) counts[g][k]).as("rows of N = %d drawn with N' = %d", n, k)
            .isBetween(expected - 5 * sd, expected + 5 * sd);
      }
    }
    assertThat(differ).as("rows whose N' changes with the seed").isGreaterThan(ROWS / 3);
  }

  private static float[] subsets(float[] rows, long seed) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SHAPE.columns())));
      Operand<TFloat32> out = TrialsLayout.subsets(tf, x, SHAPE, tf.constant(new long[] {seed, 3}));
      try (Session s = Sessions.open(g);
          TFloat32 in = TFloat32.tensorOf(Shape.of(ROWS, SHAPE.columns()), DataBuffers.of(rows, true, false));
          Result r = Sessions.runner(s).feed(x, in).fetch(out).run()) {
        float[] result = new float[rows.length];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(result, false, false));
        return result;
      }
    }
  }
}
