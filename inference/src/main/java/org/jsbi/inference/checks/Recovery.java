package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Batch;

/**
 * Per test simulation and parameter, how well the posterior recovered the true value, as BayesFlow's recovery and
 * contraction plots show it: the posterior median and median absolute deviation against the truth, the z-score
 * (mean − truth) / sd, and the contraction 1 − var(posterior) / var(prior), which is near 1 when the data pin the
 * parameter down and near 0 when the posterior is the prior. All arrays are [parameter][test].
 */
public record Recovery(double[][] truth, double[][] median, double[][] mad, double[][] zScore,
    double[][] contraction) {
  /** An empty recovery, for results built without one. */
  public static Recovery none(int dims) {
    return new Recovery(new double[dims][0], new double[dims][0], new double[dims][0], new double[dims][0],
        new double[dims][0]);
  }

  /** Test simulations recorded. */
  public int tests() {
    return truth.length == 0 ? 0 : truth[0].length;
  }

  /** Collects a recovery over {@code tests} simulations, one test at a time. */
  static final class Builder {
    private final double[] priorVariance;
    private final double[][][] columns;

    Builder(int dims, int tests, double[] priorSd) {
      priorVariance = Arrays.stream(priorSd).map(s -> s * s).toArray();
      columns = new double[5][dims][tests];
    }

    void add(int test, double[] theta, Batch draws) {
      for (int j = 0; j < theta.length; j++) {
        double[] v = draws.column(j);
        Arrays.sort(v);
        double median = v[(v.length - 1) / 2];
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / Math.max(1, v.length - 1);
        double[] deviations = Arrays.stream(v).map(a -> Math.abs(a - median)).sorted().toArray();
        columns[0][j][test] = theta[j];
        columns[1][j][test] = median;
        columns[2][j][test] = deviations[(deviations.length - 1) / 2];
        columns[3][j][test] = var > 0 ? (mean - theta[j]) / Math.sqrt(var) : Double.NaN;
        columns[4][j][test] = 1 - var / priorVariance[j];
      }
    }

    Recovery build() {
      return new Recovery(columns[0], columns[1], columns[2], columns[3], columns[4]);
    }
  }
}
