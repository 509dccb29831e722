package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.MultivariateNormalPrior;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

class BernoulliGlmTest extends SimulatorContract {
  static final double[] THETA = {-1.2, 0.8, 0.4, 0.2, 0.1, 0, -0.1, -0.2, -0.1, 0};

  @Override
  String modelId() {
    return "bernoulli-glm";
  }

  @Test
  void designMatrixEqualsSbibms() {
    Batch expected = SbibmFiles.read("sbibm/_aux/bernoulli_glm/design_matrix.csv", false);
    double[][] actual = new BernoulliGlm().designMatrix();
    assertThat(actual.length).isEqualTo(100);
    for (int t = 0; t < 100; t++) {
      for (int j = 0; j < 10; j++) {
        assertThat(actual[t][j]).as("X[%d][%d]", t, j).isCloseTo(expected.get(t, j), Offset.offset(1e-12));
      }
    }
  }

  @Test
  void summaryIsDesignTransposeTimesSpikes() {
    BernoulliGlm glm = new BernoulliGlm();
    Batch design = SbibmFiles.read("sbibm/_aux/bernoulli_glm/design_matrix.csv", false);
    for (int k = 0; k < 20; k++) {
      double[] y = glm.spikes(THETA, new RandomStreams(k).stream(0, RandomStreams.Purpose.SIMULATOR));
      double[] x = glm.simulate(THETA, new RandomStreams(k).stream(0, RandomStreams.Purpose.SIMULATOR));
      for (int j = 0; j < 10; j++) {
        double xty = 0;
        for (int t = 0; t < 100; t++) {
          xty += design.get(t, j) * y[t];
        }
        assertThat(x[j]).isCloseTo(xty, Offset.offset(1e-9));
      }
      assertThat(java.util.Arrays.stream(y).allMatch(v -> v == 0 || v == 1)).isTrue();
    }
  }

  @Test
  void spikeCountHasTheGlmMean() {
    double[][] x = new BernoulliGlm().designMatrix();
    double expected = 0;
    for (double[] row : x) {
      double psi = 0;
      for (int j = 0; j < 10; j++) {
        psi += row[j] * THETA[j];
      }
      expected += 1 / (1 + Math.exp(-psi));
    }
    Batch draws = Draws.at(new BernoulliGlm(), THETA, 4000, 7);
    assertThat(Draws.mean(draws.column(0))).isCloseTo(expected, Offset.offset(0.25));
  }

  @Test
  void priorPrecisionIsTheSmoothnessPrior() {
    double[][] p = BernoulliGlm.priorPrecision();
    // F = D·D + diag(sqrt(i/9)): F[i][i] = 1 + sqrt(i/9), F[i][i-1] = -2, F[i][i-2] = 1, worked by hand.
    assertThat(p[0][0]).isEqualTo(0.5);
    assertThat(p[0][1]).isZero();
    assertThat(p[1][1]).isCloseTo(1 + 4 + 1, Offset.offset(1e-12)); // column 0 of F: 1, -2, 1
    assertThat(p[9][9]).isCloseTo(Math.pow(1 + Math.sqrt(8.0 / 9), 2), Offset.offset(1e-12));
    double f77 = 1 + Math.sqrt(7.0 / 9);
    double f88 = 1 + Math.sqrt(8.0 / 9);
    assertThat(p[8][9]).isCloseTo(-2 * f88, Offset.offset(1e-12)); // F[8][7]·F[8][8]
    assertThat(p[8][8]).isCloseTo(f77 * f77 + 4, Offset.offset(1e-12));
    MultivariateNormalPrior prior = (MultivariateNormalPrior) model().prior();
    assertThat(prior.covariance()[0][0]).isCloseTo(2, Offset.offset(1e-12));
  }
}
