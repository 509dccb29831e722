package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;

/**
 * Posterior (or prior) predictive check: simulate one data set for each parameter draw and see where the
 * observation falls. Per dimension, the predictive quantile of the observation; overall, the p-value of its
 * distance to the predictive mean (in predictive standard deviations) against the same distance of the simulated
 * data sets. Posterior predictive p-values are conservative: they flag only clear conflicts.
 *
 * <p>Needs: draws of θ (prior or posterior samples) and the model's simulator, no capability.
 */
public final class PredictiveCheck {
  private PredictiveCheck() {}

  /**
   * The outcome.
   *
   * @param result the distance test
   * @param quantiles per data dimension, the share of predictive draws at or below the observation
   * @param predictive the simulated data sets (valid ones), for plots
   */
  public record Outcome(CheckResult result, double[] quantiles, Batch predictive) {}

  /** Checks {@code xo} against data simulated from {@code model} at each row of {@code theta}. */
  public static Outcome run(String name, Model model, Batch theta, double[] xo, long seed) {
    // data sets like the observation: for a set model, with its number of trials
    SimulationSet sims = new SimulationRunner(SimulationOptions.defaults()).runFor(model.forObservation(xo), theta,
        seed);
    Batch x = sims.x();
    if (x.rows() < 20) {
      throw new IllegalArgumentException("theta: expected at least 20 valid predictive simulations, got " + x.rows()
          + " (" + sims.summary() + ")");
    }
    int d = x.cols();
    double[] mean = new double[d];
    double[] sd = new double[d];
    double[] quantiles = new double[d];
    for (int j = 0; j < d; j++) {
      double[] c = x.column(j);
      double m = Arrays.stream(c).average().orElse(0);
      double v = Arrays.stream(c).map(a -> (a - m) * (a - m)).sum() / Math.max(1, c.length - 1);
      mean[j] = m;
      sd[j] = v > 0 ? Math.sqrt(v) : 1;
      final int col = j;
      quantiles[j] = Arrays.stream(c).filter(a -> a <= xo[col]).count() / (double) c.length;
    }
    double observed = distance(xo, mean, sd);
    int atLeast = 0;
    for (int i = 0; i < x.rows(); i++) {
      atLeast += distance(x.row(i), mean, sd) >= observed ? 1 : 0;
    }
    double p = (1.0 + atLeast) / (1.0 + x.rows());
    return new Outcome(new CheckResult(name, observed, p, String.format(java.util.Locale.ROOT,
        "distance %.3f of the observation to the mean of %d %s simulations, in their standard deviations", observed,
        x.rows(), name.startsWith("prior") ? "prior predictive" : "posterior predictive")), quantiles, x);
  }

  private static double distance(double[] x, double[] mean, double[] sd) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      double z = (x[j] - mean[j]) / sd[j];
      s += z * z;
    }
    return Math.sqrt(s / x.length);
  }
}
