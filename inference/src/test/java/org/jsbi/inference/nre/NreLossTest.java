package org.jsbi.inference.nre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.jsbi.inference.tf.Sessions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The four objectives on fixed logits, against the formulas written out in double precision. */
class NreLossTest {
  // three rows; column k holds ℓ_k = d(θ_{i+k}, x_i), column 0 x's own θ
  private static final double[][] LOGITS = {{1.5, -0.3, 0.2, -1.0, 0.4, 0.1}, {-0.2, 0.8, -0.5, 0.3, -0.7, 0.0},
      {2.1, 0.5, -1.2, 0.9, 0.2, -0.4}};

  @Test
  void nreAIsTheBinaryCrossEntropy() {
    double expected = 0;
    for (double[] l : LOGITS) {
      expected += (softplus(-l[0]) + softplus(l[1])) / LOGITS.length;
    }
    assertThat(value(new NreLoss("nre-a", 1, 1, 0), 2)).isCloseTo(expected, Offset.offset(1e-5));
  }

  @Test
  void nreBClassifiesAmongItsAtoms() {
    double expected = 0;
    for (double[] l : LOGITS) {
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        sum += Math.exp(l[k]);
      }
      expected += (Math.log(sum) - l[0]) / LOGITS.length;
    }
    assertThat(value(new NreLoss("nre-b", 4, 1, 0), 4)).isCloseTo(expected, Offset.offset(1e-5));
  }

  @Test
  void nreCWeighsItsClassesByGamma() {
    int k = 3;
    double gamma = 2;
    double expected = 0;
    for (double[] l : LOGITS) {
      double joint = 1;
      double marginal = 1;
      for (int j = 0; j < k; j++) {
        joint += gamma / k * Math.exp(l[j]);
        marginal += gamma / k * Math.exp(l[j + 1]);
      }
      double ownClass = Math.log(gamma / k) + l[0] - Math.log(joint);
      expected += -(gamma / (1 + gamma) * ownClass + 1 / (1 + gamma) * -Math.log(marginal)) / LOGITS.length;
    }
    assertThat(value(new NreLoss("nre-c", k, gamma, 0), k + 1)).isCloseTo(expected, Offset.offset(1e-5));
    assertThat(value(new NreLoss("nre-c", 1, 1, 0), 2)).as("K = 1, γ = 1: half of nre-a's")
        .isCloseTo(value(new NreLoss("nre-a", 1, 1, 0), 2) / 2, Offset.offset(1e-6));
  }

  @Test
  void bnreAddsTheBalancePenalty() {
    double joint = 0;
    double marginal = 0;
    for (double[] l : LOGITS) {
      joint += sigmoid(l[0]) / LOGITS.length;
      marginal += sigmoid(l[1]) / LOGITS.length;
    }
    double penalty = 100 * Math.pow(joint + marginal - 1, 2);
    assertThat(value(new NreLoss("bnre", 1, 1, 100), 2) - value(new NreLoss("nre-a", 1, 1, 0), 2))
        .isCloseTo(penalty, Offset.offset(1e-4));
  }

  private static double value(NreLoss loss, int columns) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> l = new ArrayList<>();
      for (int k = 0; k < columns; k++) {
        float[] column = new float[LOGITS.length];
        for (int i = 0; i < LOGITS.length; i++) {
          column[i] = (float) LOGITS[i][k];
        }
        l.add(tf.constant(column));
      }
      Operand<TFloat32> out = loss.fromLogits(tf, l);
      try (Session s = Sessions.open(g); Result r = Sessions.runner(s).fetch(out).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  private static double softplus(double v) {
    return Math.log1p(Math.exp(v));
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
