package org.jsbi.inference.mcmc;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.posterior.SamplerDiagnostics;

/**
 * Draws from MCMC, with their diagnostics.
 *
 * @param samples the kept draws, chain after chain interleaved by sweep (row = sweep · chains + chain), in θ space
 * @param rHat split R-hat per dimension (of the unconstrained coordinates)
 * @param ess effective sample size per dimension
 * @param acceptance Metropolis–Hastings acceptance rate, or NaN for the slice sampler
 * @param evaluationsPerDraw target evaluations per chain and sweep
 * @param calls the sweeps' batched calls of the target, warm-up included (for NLE, one TensorFlow call each, whose
 *     fixed cost outweighs its cost per row at these sizes)
 * @param seconds wall time
 * @param groups the chains' groups: several when they sit in separated modes
 * @param jumpAcceptance the share of {@link ModeJumps} proposals (moves between modes) accepted, or NaN without
 *     them
 * @param modes the separated modes the draws lie in, with their shares
 */
public record McmcResult(String sampler, Batch samples, double[] rHat, double[] ess, double acceptance,
    double evaluationsPerDraw, long calls, double seconds, ChainGroups groups, double jumpAcceptance,
    DrawModes modes) {
  /** R-hat above this suggests the chains have not mixed (Vehtari et al. 2021 recommend 1.01; sbi warns at 1.05). */
  public static final double R_HAT_WARNING = 1.05;

  /**
   * Warnings a user should see: dimensions whose R-hat is above {@link #R_HAT_WARNING}, with what the chains' groups
   * say about why. Chains in separated groups sit in separate modes, where more warm-up does not help; chains in one
   * group have not converged yet.
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rHat.length; i++) {
      if (!(rHat[i] <= R_HAT_WARNING)) {
        out.add(String.format(java.util.Locale.ROOT, "R-hat of parameter %d is %.3f (> %.2f): the chains disagree",
            i + 1, rHat[i], R_HAT_WARNING));
      }
    }
    if (out.isEmpty()) {
      return out;
    }
    if (groups.separated() && Double.isNaN(jumpAcceptance)) {
      out.add(groups.describe() + ". Each chain stays in the mode it started in, so these shares follow the chains' "
          + "starts, not the posterior, and more warm-up will not change them: treat them as unreliable, sample "
          + "again with jumps between modes, or sample with an NPE posterior of the same model, which draws every "
          + "mode directly");
    } else if (groups.separated()) {
      out.add(String.format(java.util.Locale.ROOT, "%s. Jumps between modes were on, but only %.1f%% of them were "
          + "accepted, too few for the chains to cross: treat these shares as unreliable; more chains give the "
          + "jumps more places to land, or sample with an NPE posterior of the same model, which draws every mode "
          + "directly", groups.describe(), 100 * jumpAcceptance));
    } else {
      out.add("the chains overlap but have not converged: run more warm-up sweeps");
    }
    return out;
  }

  /** These diagnostics as numbers, with {@code warnings} (this result's, and any the caller adds). */
  public SamplerDiagnostics diagnostics(List<String> warnings) {
    return new SamplerDiagnostics(sampler, java.util.Arrays.stream(ess).min().orElse(Double.NaN),
        java.util.Arrays.stream(rHat).max().orElse(Double.NaN), jumpAcceptance,
        regions(groups.centers(), groups.shares()), modes.several() ? regions(modes.centers(), modes.shares())
            : List.of(), warnings);
  }

  private static List<SamplerDiagnostics.Region> regions(List<double[]> centers, double[] shares) {
    List<SamplerDiagnostics.Region> out = new ArrayList<>();
    for (int k = 0; k < shares.length; k++) {
      out.add(new SamplerDiagnostics.Region(shares[k], centers.get(k)));
    }
    return out;
  }

  /**
   * One line: sampler, minimum ESS, maximum R-hat, acceptance or evaluations per draw, the jumps' acceptance, calls,
   * and time; then, when the draws lie in several separated modes, each one's share and center.
   */
  public String summary() {
    double minEss = java.util.Arrays.stream(ess).min().orElse(Double.NaN);
    double maxRHat = java.util.Arrays.stream(rHat).max().orElse(Double.NaN);
    String step = Double.isNaN(acceptance) ? String.format(java.util.Locale.ROOT, "%.1f evaluations per draw",
        evaluationsPerDraw) : String.format(java.util.Locale.ROOT, "acceptance %.2f", acceptance);
    String jumps = Double.isNaN(jumpAcceptance) ? ""
        : String.format(java.util.Locale.ROOT, ", jumps between modes accepted %.0f%%", 100 * jumpAcceptance);
    return String.format(java.util.Locale.ROOT, "%s: %d draws, min ESS %.0f, max R-hat %.3f, %s%s, %d calls, %.2f s",
        sampler, samples.rows(), minEss, maxRHat, step, jumps, calls, seconds)
        + (modes.several() ? "; " + modes.describe() : "");
  }
}
