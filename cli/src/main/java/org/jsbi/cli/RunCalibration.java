package org.jsbi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.Model;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.cli.plots.CalibrationPlots;
import org.jsbi.cli.plots.LocalC2stPlots;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.checks.Calibration;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.checks.LocalC2st;
import org.jsbi.inference.checks.LocalC2stResult;

/**
 * The calibration part of {@code jsbi run}: the tests over simulated data sets ({@link Calibration}) and L-C2ST at
 * the observation ({@link LocalC2st}), with their plots, or the reason they did not run.
 *
 * @param result the tests over simulations; null when they did not run
 * @param local L-C2ST at the observation; null when it did not run
 * @param notRun why the tests over simulations did not run (null when they did)
 * @param plots the plots written: the calibration plots, then lc2st.png
 */
record RunCalibration(CalibrationResult result, LocalC2stResult local, String notRun, List<Path> plots) {
  /** L-C2ST's posterior draws at the observation. */
  static final int LOCAL_SAMPLES = 2000;

  /**
   * Runs what applies to {@code posterior}: both for an amortized posterior sampled directly; the tests over
   * simulations for one sampled by MCMC only when {@code numTests} asks (each needs an MCMC run), and L-C2ST not
   * (it would need 2,000); neither for a posterior trained for this one observation.
   */
  static RunCalibration run(TrainedPosterior posterior, Model model, double[] xo, Integer numTests, Path output,
      long seed, PrintWriter out) throws IOException {
    boolean focused = posterior.as(Focused.class).isPresent();
    boolean byMcmc = posterior.as(McmcSampled.class).isPresent();
    int tests = focused ? 0 : numTests != null ? numTests : byMcmc ? 0 : 100;
    if (focused && numTests != null && numTests > 0) {
      out.println("calibration not run: this posterior answers only the observation it was trained for");
    }
    // calibration draws 100 samples for each of 100 test simulations: seconds when sampled directly, many minutes
    // by MCMC, so MCMC-sampled posteriors run it only when asked
    CalibrationResult result = tests > 0 ? Calibration.run(posterior, model, tests, 100, seed + 1) : null;
    LocalC2stResult local = null;
    if (tests > 0 && !byMcmc) {
      try (LocalC2st test = LocalC2st.fit(posterior, model, LocalC2st.DEFAULT_SIMULATIONS,
          LocalC2st.DEFAULT_NULL_TRIALS, seed + 2)) {
        local = test.test(xo, LOCAL_SAMPLES, seed + 3);
      }
      out.println(local.inWords());
    }
    String notRun = result != null ? null : focused ? "Not run: this posterior answers only the observation it was "
        + "trained for, so it cannot be tested on other simulations."
        : numTests != null ? "Not run: --num-tests 0 asked for none."
        : "Not run by default for a posterior sampled by MCMC: each of the test simulations needs an MCMC run of "
            + "its own, minutes in all. Run it with --num-tests 100 here, or afterwards with jsbi validate "
            + "--posterior " + output.resolve("posterior") + ".";
    List<Path> plots = new ArrayList<>();
    if (result != null) {
      plots.addAll(CalibrationPlots.write(result, posterior.parameterNames(), output));
    }
    if (local != null) {
      Path png = output.resolve("lc2st.png");
      LocalC2stPlots.write(local, png);
      plots.add(png);
    }
    return new RunCalibration(result, local, notRun, List.copyOf(plots));
  }
}
