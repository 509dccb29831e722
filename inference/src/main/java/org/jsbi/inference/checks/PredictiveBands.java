package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;

/**
 * Per data dimension, quantiles of the posterior predictive simulations and, when they ran, of the prior predictive
 * ones: what a predictive plot draws the observation against. For a set of trials, the dimensions are the trials
 * sorted by value within each channel (rank k of channel c at c · N + k), simulated with the observation's N.
 *
 * @param posterior [level][dimension], at {@link #LEVELS}
 * @param prior [level][dimension], or null when the prior predictive check did not run
 * @param observed the observation as the bands read it: as it is, or for a set its sorted trials
 * @param trials N for a set (its bands are per channel and rank), 0 otherwise
 */
public record PredictiveBands(double[][] posterior, double[][] prior, double[] observed, int trials) {
  /** The quantile levels: the 90% and 50% central intervals and the median. */
  public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

  /** The bands of {@code posterior} and {@code prior} simulations (one per row; prior may be null) around xo. */
  public static PredictiveBands of(Batch posterior, Batch prior, double[] xo) {
    return new PredictiveBands(quantiles(posterior), prior == null ? null : quantiles(prior), xo.clone(), 0);
  }

  /** For a set model: the bands of the simulated sets' sorted trials, around the observation's sorted trials. */
  public static PredictiveBands ofSets(Batch posterior, Batch prior, double[] xo, DataShape shape) {
    int n = shape.trialCount(xo);
    return new PredictiveBands(quantiles(SetTrials.sorted(posterior, shape, n)),
        prior == null ? null : quantiles(SetTrials.sorted(prior, shape, n)), SetTrials.sorted(xo, shape), n);
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
