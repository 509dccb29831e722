package org.jsbi.inference.checks;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorState.Standardization;

/**
 * Maximum mean discrepancy (Gretton et al. 2012) between observations and reference simulations, with an RBF
 * kernel whose bandwidth is the median pairwise distance of the pooled sample (the median heuristic), after
 * z-scoring with the reference's statistics. The statistic is the biased (V-statistic) MMD², which is defined even
 * for a single observation; its null distribution comes from random permutations of the pooled sample.
 *
 * <p>Needs: simulations only, no posterior; in feature space, the {@code DataFeatures} capability.
 */
public final class Mmd {
  /** Permutations for the null distribution. */
  public static final int PERMUTATIONS = 500;

  private Mmd() {}

  /**
   * The MMD test.
   *
   * @param observations one observed data set per row (one or more)
   * @param reference simulations from the model (the prior predictive), at least 20
   */
  public static CheckResult test(Batch observations, Batch reference, long seed) {
    Arguments.columns("observations", observations, reference.cols());
    Arguments.finiteBatch("observations", observations);
    Arguments.finiteBatch("reference", reference);
    if (reference.rows() < 20) {
      throw new IllegalArgumentException("reference: expected at least 20 reference simulations for the MMD test, "
          + "got " + reference.rows() + "; simulate more");
    }
    int m = observations.rows();
    int n = reference.rows();
    int total = m + n;
    Standardization z = Standardization.of(reference);
    double[][] points = new double[total][];
    for (int i = 0; i < total; i++) {
      double[] row = i < m ? observations.row(i) : reference.row(i - m);
      for (int j = 0; j < row.length; j++) {
        row[j] = (row[j] - z.mean()[j]) / z.std()[j];
      }
      points[i] = row;
    }
    double[][] sq = new double[total][total];
    double[] upper = new double[total * (total - 1) / 2];
    int u = 0;
    for (int i = 0; i < total; i++) {
      for (int j = i + 1; j < total; j++) {
        double s = 0;
        for (int k = 0; k < points[i].length; k++) {
          double diff = points[i][k] - points[j][k];
          s += diff * diff;
        }
        sq[i][j] = s;
        sq[j][i] = s;
        upper[u++] = s;
      }
    }
    double median = median(upper);
    double bandwidth = Math.sqrt(median > 0 ? median : 1);
    double[][] k = new double[total][total];
    for (int i = 0; i < total; i++) {
      for (int j = 0; j < total; j++) {
        k[i][j] = Math.exp(-sq[i][j] / (2 * bandwidth * bandwidth));
      }
    }
    int[] identity = new int[total];
    for (int i = 0; i < total; i++) {
      identity[i] = i;
    }
    double observed = mmd2(k, identity, m);
    if (m == 1) {
      return single(k, observed, n, bandwidth);
    }
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
    int atLeast = 0;
    int[] perm = identity.clone();
    for (int p = 0; p < PERMUTATIONS; p++) {
      for (int i = total - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      atLeast += mmd2(k, perm, m) >= observed ? 1 : 0;
    }
    double pValue = (1.0 + atLeast) / (1.0 + PERMUTATIONS);
    return new CheckResult("mmd", observed, pValue, String.format(java.util.Locale.ROOT,
        "MMD² %.4g between %d observation(s) and %d simulations (RBF bandwidth %.3g, %d permutations)", observed, m,
        n, bandwidth, PERMUTATIONS));
  }

  /**
   * One observation: a permutation only decides which pooled point plays the observation, so the exact permutation
   * distribution has one value per point, each computed in constant time from row sums.
   */
  private static CheckResult single(double[][] k, double observed, int n, double bandwidth) {
    int total = k.length;
    double[] rowSum = new double[total];
    double all = 0;
    for (int i = 0; i < total; i++) {
      for (int j = 0; j < total; j++) {
        rowSum[i] += k[i][j];
      }
      all += rowSum[i];
    }
    int atLeast = 0;
    for (int p = 0; p < total; p++) {
      double xy = rowSum[p] - k[p][p];
      double yy = all - 2 * rowSum[p] + k[p][p];
      double stat = k[p][p] + yy / ((double) n * n) - 2 * xy / n;
      atLeast += stat >= observed - 1e-12 ? 1 : 0;
    }
    double pValue = atLeast / (double) total;
    return new CheckResult("mmd", observed, pValue, String.format(java.util.Locale.ROOT,
        "MMD² %.4g between the observation and %d simulations (RBF bandwidth %.3g, exact permutation test)",
        observed, n, bandwidth));
  }

  /** Biased MMD² of the first {@code m} indices of {@code order} against the rest. */
  private static double mmd2(double[][] k, int[] order, int m) {
    int n = order.length - m;
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int a = 0; a < order.length; a++) {
      double[] row = k[order[a]];
      for (int b = 0; b < order.length; b++) {
        double v = row[order[b]];
        if (a < m && b < m) {
          xx += v;
        } else if (a >= m && b >= m) {
          yy += v;
        } else if (a < m) {
          xy += v;
        }
      }
    }
    return xx / ((double) m * m) + yy / ((double) n * n) - 2 * xy / ((double) m * n);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length == 0 ? 0 : v[v.length / 2];
  }
}
