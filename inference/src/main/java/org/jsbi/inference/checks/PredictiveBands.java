package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Batch;

/**
 * Per data dimension, quantiles of the posterior predictive simulations and, when they ran, of the prior predictive
 * ones: what a predictive plot draws the observation against.
 *
 * @param posterior [level][dimension], at {@link #LEVELS}
 * @param prior [level][dimension], or null when the prior predictive check did not run
 */
public record PredictiveBands(double[][] posterior, double[][] prior) {
  /** The quantile levels: the 90% and 50% central intervals and the median. */
  public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

  /** The bands of {@code posterior} and {@code prior} simulations (one per row; prior may be null). */
  public static PredictiveBands of(Batch posterior, Batch prior) {
    return new PredictiveBands(quantiles(posterior), prior == null ? null : quantiles(prior));
  }

  private static double[][] quantiles(Batch sims) {
    double[][] q = new double[LEVELS.length][sims.cols()];
    for (int j = 0; j < sims.cols(); j++) {
      double[] v = Arrays.stream(sims.column(j)).filter(Double::isFinite).sorted().toArray();
      for (int l = 0; l < LEVELS.length; l++) {
        q[l][j] = v.length == 0 ? Double.NaN : v[(int) Math.round(LEVELS[l] * (v.length - 1))];
      }
    }
    return q;
  }
}
