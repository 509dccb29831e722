package org.jsbi.inference.checks;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;

/**
 * Is the estimator calibrated? Over N test simulations (θᵢ, xᵢ) from the prior and simulator, with L posterior
 * samples for each xᵢ:
 * <ul>
 *   <li><b>SBC</b> (Talts et al. 2018): the rank of θᵢ among the samples, per dimension, is uniform on 0..L for a
 *       calibrated posterior. Ranks are jittered to (rank + U) / (L + 1), which is U(0, 1) exactly under the null,
 *       and tested with Kolmogorov–Smirnov.</li>
 *   <li><b>Rank-based expected coverage</b> of central credible intervals per parameter, from the SBC ranks
 *       ({@link CalibrationResult#rankCoverage}): it needs no density, as suits MCMC (NLE) posteriors.</li>
 *   <li><b>Expected coverage</b> of highest-density regions: the credibility αᵢ of the smallest HPD region holding
 *       θᵢ is the share of samples with a higher posterior density; calibrated ⇔ αᵢ ~ U(0, 1). Densities come from
 *       {@link Posterior#logProb}: normalized for NPE, unnormalized for NLE (ranking needs only a fixed x); skipped
 *       for a {@link SamplesOnly} posterior.</li>
 *   <li><b>TARP</b> (Lemos et al. 2023): for a random reference point θ_r from the prior, fᵢ is the share of samples
 *       closer to θ_r than θᵢ is (in prior-standardized units); calibrated ⇔ fᵢ ~ U(0, 1).</li>
 * </ul>
 *
 * <p>Needs: an amortized posterior (not {@link Focused}), sampled for many simulated data sets; by MCMC that takes
 * minutes, so {@code run} asks for it on {@code McmcSampled} posteriors only when told.
 */
public final class Calibration {
  private Calibration() {}

  /** Runs the three checks on {@code tests} fresh simulations with {@code samples} posterior samples each. */
  public static CalibrationResult run(Posterior posterior, Model model, int tests, int samples, long seed) {
    if (tests < 20) {
      throw new IllegalArgumentException("tests: expected at least 20 test simulations for calibration checks, got "
          + tests);
    }
    Arguments.positive("samples", samples);
    if (posterior instanceof TrainedPosterior t && t.as(Focused.class).isPresent()) {
      throw new IllegalArgumentException("posterior: expected an amortized posterior, one that answers any x, got "
          + "one trained for a single observation; calibration needs the posterior of many simulated data sets: "
          + "check it with the per-observation checks instead");
    }
    SimulationSet sims = new SimulationRunner(SimulationOptions.defaults()).run(model, tests, seed);
    int d = model.parameterDim();
    int n = sims.size();
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
    double[] scale = priorScale(model, rng);
    double[][] sbc = new double[d][n];
    int[][] ranks = new int[d][n];
    boolean density = !(posterior instanceof TrainedPosterior t && t.as(SamplesOnly.class).isPresent());
    double[] hpd = density ? new double[n] : null;
    double[] tarp = new double[n];
    Recovery.Builder recovery = new Recovery.Builder(d, n, scale);
    for (int i = 0; i < n; i++) {
      double[] theta = sims.theta().row(i);
      double[] x = sims.x().row(i);
      Batch s = posterior.sample(samples, x, seed + 7919L * (i + 1)).samples();
      recovery.add(i, theta, s);
      for (int j = 0; j < d; j++) {
        int below = 0;
        for (int k = 0; k < samples; k++) {
          below += s.get(k, j) < theta[j] ? 1 : 0;
        }
        ranks[j][i] = below;
        sbc[j][i] = (below + rng.nextDouble()) / (samples + 1);
      }
      if (density) {
        double[] lp = posterior.logProb(s, x);
        double lpTrue = posterior.logProb(Batch.wrap(1, d, theta.clone()), x)[0];
        hpd[i] = Arrays.stream(lp).filter(v -> v > lpTrue).count() / (double) samples;
      }
      double[] ref = model.prior().sample(rng);
      double dTrue = distance(theta, ref, scale);
      int closer = 0;
      for (int k = 0; k < samples; k++) {
        closer += distance(s.row(k), ref, scale) < dTrue ? 1 : 0;
      }
      tarp[i] = closer / (double) samples;
    }
    double[] sbcP = new double[d];
    for (int j = 0; j < d; j++) {
      sbcP[j] = uniformityPValue(sbc[j]);
    }
    return new CalibrationResult(n, samples, ranks, sbcP, hpd, density ? uniformityPValue(hpd) : Double.NaN, tarp,
        uniformityPValue(tarp), sims.invalidCount(), recovery.build());
  }

  /** Kolmogorov–Smirnov p-value of the hypothesis that {@code u} is a sample of U(0, 1). */
  static double uniformityPValue(double[] u) {
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), u);
  }

  private static double[] priorScale(Model model, RandomGenerator rng) {
    Batch draws = model.prior().sample(2000, rng);
    double[] scale = new double[draws.cols()];
    for (int j = 0; j < scale.length; j++) {
      double[] c = draws.column(j);
      double m = Arrays.stream(c).average().orElse(0);
      scale[j] = Math.sqrt(Arrays.stream(c).map(v -> (v - m) * (v - m)).average().orElse(1));
      scale[j] = scale[j] > 0 ? scale[j] : 1;
    }
    return scale;
  }

  private static double distance(double[] a, double[] b, double[] scale) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double z = (a[j] - b[j]) / scale[j];
      s += z * z;
    }
    return Math.sqrt(s);
  }
}
