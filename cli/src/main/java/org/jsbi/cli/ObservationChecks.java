package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.checks.CheckOutcome;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.CheckSuite;
import org.jsbi.inference.checks.Verdicts;
import org.jsbi.plugins.Registry;


/**
 * The command line's side of the per-observation checks that {@code jsbi check} and {@code jsbi run} share: the
 * {@link CheckSuite} run with the flags' settings, and its table.
 */
final class ObservationChecks {
  private ObservationChecks() {}

  /**
   * @param embeddingSpace also run the MMD test on the NPE estimator's learned embedding of x; null means "when
   *     the estimator has one", true insists on it
   */
  static CheckOutcome run(Registry registry, TrainedPosterior posterior, Batch observations, int numSimulations,
      int numSamples, long seed, Boolean embeddingSpace) {
    if (Boolean.TRUE.equals(embeddingSpace) && posterior.as(DataFeatures.class).isEmpty()) {
      throw new IllegalArgumentException("--embedding-space: this posterior has no embedding network (it is "
          + posterior.method() + " with " + posterior.estimator().kind() + "); train an NPE posterior with "
          + "--embedding-dim D, or leave out --embedding-space");
    }
    Batch reference = new SimulationRunner(SimulationOptions.defaults()).run(posterior.model(), numSimulations,
        seed).x();
    try (CheckSuite suite = CheckSuite.of(posterior, reference, registry.estimator("maf"), embeddingSpace,
        numSamples, seed)) {
      return suite.run(observations, seed);
    }
  }

  static void print(PrintWriter out, CheckOutcome o) {
    out.printf(Locale.ROOT, "%-12s %-21s %12s %9s%n", "observation", "check", "statistic", "p-value");
    for (Verdicts.Report r : o.reports()) {
      for (CheckResult c : r.checks()) {
        out.printf(Locale.ROOT, "%-12d %-21s %12.4g %9.4f%n", r.observation(), c.name(), c.statistic(), c.pValue());
      }
      for (String note : o.notes().get(r.observation() - 1)) {
        out.printf(Locale.ROOT, "observation %d: %s%n", r.observation(), note);
      }
      out.printf(Locale.ROOT, "observation %d: %s (adjusted p %.4f): %s%n", r.observation(), r.verdict().id(),
          r.adjustedPValue(), r.verdict().inWords());
    }
    if (o.batch() != null) {
      out.printf(Locale.ROOT, "all observations together: MMD p-value %.4f (%s)%n", o.batch().pValue(),
          o.batch().detail());
    }
  }
}
