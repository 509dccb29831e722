package org.jsbi.inference.mcmc;

/**
 * Convergence diagnostics over several chains of one scalar (Gelman et al., Bayesian Data Analysis, 3rd ed., 11.4
 * and 11.5): split R-hat, and the effective sample size from the chains' autocorrelations, truncated by Geyer's
 * initial positive sequence.
 */
public final class ChainDiagnostics {
  private ChainDiagnostics() {}

  /** Split R-hat: each chain is cut in half, and the between-half variance compared with the within. */
  public static double rHat(double[][] chains) {
    int n = chains[0].length / 2;
    if (n < 2) {
      return Double.NaN;
    }
    double[][] halves = new double[2 * chains.length][];
    for (int c = 0; c < chains.length; c++) {
      halves[2 * c] = java.util.Arrays.copyOfRange(chains[c], 0, n);
      halves[2 * c + 1] = java.util.Arrays.copyOfRange(chains[c], chains[c].length - n, chains[c].length);
    }
    double[] v = variances(halves);
    return Math.sqrt(v[1] / v[0]);
  }

  /** {W, var⁺}: the mean within-chain variance and the pooled estimate of the marginal variance. */
  private static double[] variances(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    double w = 0;
    for (int c = 0; c < m; c++) {
      means[c] = mean(chains[c]);
      double s = 0;
      for (double x : chains[c]) {
        s += (x - means[c]) * (x - means[c]);
      }
      w += s / (n - 1) / m;
    }
    double grand = mean(means);
    double b = 0;
    for (double mu : means) {
      b += (mu - grand) * (mu - grand) * n / (m - 1.0);
    }
    double varPlus = (n - 1.0) / n * w + (m > 1 ? b / n : 0);
    return new double[] {w, varPlus};
  }

  /** Effective sample size of all chains together. */
  public static double ess(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    if (n < 4) {
      return Double.NaN;
    }
    double[] v = variances(chains);
    if (!(v[1] > 0)) {
      return Double.NaN;
    }
    double[] means = new double[m];
    for (int c = 0; c < m; c++) {
      means[c] = mean(chains[c]);
    }
    double tau = -1;
    double previousPair = Double.POSITIVE_INFINITY;
    for (int t = 0; t + 1 < n; t += 2) {
      double pair = rho(chains, means, t, v) + rho(chains, means, t + 1, v);
      if (pair <= 0) {
        break;
      }
      pair = Math.min(pair, previousPair); // Geyer's initial monotone sequence
      tau += 2 * pair;
      previousPair = pair;
    }
    return m * (double) n / Math.max(tau, 1.0 / Math.log10(Math.max(m * (double) n, 10)));
  }

  /** ρ_t = 1 − (W − mean autocovariance at lag t) / var⁺. */
  private static double rho(double[][] chains, double[] means, int t, double[] v) {
    int n = chains[0].length;
    double acov = 0;
    for (int c = 0; c < chains.length; c++) {
      double s = 0;
      for (int i = 0; i + t < n; i++) {
        s += (chains[c][i] - means[c]) * (chains[c][i + t] - means[c]);
      }
      acov += s / n / chains.length;
    }
    return 1 - (v[0] - acov) / v[1];
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double a : x) {
      s += a;
    }
    return s / x.length;
  }
}
