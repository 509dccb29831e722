package org.jsbi.api.posterior;

import java.util.List;
import java.util.Objects;

/**
 * How a sampler that is not exact fared, as numbers (MCMC, importance sampling): what {@link
 * PosteriorSamples#diagnostics()} says in words, for programs and for {@code checks.json}.
 *
 * @param sampler the sampler's name, e.g. "slice sampler"
 * @param effectiveSampleSize for MCMC the smallest effective sample size over the parameters; for importance sampling
 *     that of the weights
 * @param maxRHat the largest split R-hat over the parameters; NaN where there are no chains
 * @param jumpAcceptance the share of moves between modes accepted; NaN where there were none
 * @param chainGroups the chains' groups, largest first: several when chains sit in separated modes; empty where there
 *     are no chains
 * @param modes the separated modes the draws lie in, largest first; empty when there is one (or none is detected)
 * @param warnings what a user should not ignore, one sentence each
 */
public record SamplerDiagnostics(String sampler, double effectiveSampleSize, double maxRHat, double jumpAcceptance,
    List<Region> chainGroups, List<Region> modes, List<String> warnings) {
  public SamplerDiagnostics {
    Objects.requireNonNull(sampler, "sampler");
    chainGroups = List.copyOf(chainGroups);
    modes = List.copyOf(modes);
    warnings = List.copyOf(warnings);
  }

  /** Diagnostics with only an effective sample size and warnings (importance sampling). */
  public static SamplerDiagnostics weighted(String sampler, double effectiveSampleSize, List<String> warnings) {
    return new SamplerDiagnostics(sampler, effectiveSampleSize, Double.NaN, Double.NaN, List.of(), List.of(),
        warnings);
  }

  /**
   * A part of the posterior: a group of chains, or a mode of the draws.
   *
   * @param share its share of the draws
   * @param center the mean of its draws, in θ space
   */
  public record Region(double share, double[] center) {
    public Region {
      center = center.clone();
    }

    @Override
    public double[] center() {
      return center.clone();
    }
  }
}
