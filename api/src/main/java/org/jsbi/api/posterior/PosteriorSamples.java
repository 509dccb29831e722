package org.jsbi.api.posterior;

import java.util.Objects;
import java.util.Optional;
import org.jsbi.api.Batch;

/**
 * Posterior samples and how they were obtained.
 *
 * @param samples one θ per row
 * @param proposed draws made from the estimator, including those rejected outside the prior's support
 * @param seconds wall time taken
 * @param diagnostics how the sampler fared, for people (MCMC: effective sample size, R-hat, warnings); empty for
 *     direct sampling
 * @param sampler the same as numbers; empty for direct sampling
 */
public record PosteriorSamples(Batch samples, long proposed, double seconds, String diagnostics,
    Optional<SamplerDiagnostics> sampler) {
  public PosteriorSamples {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(diagnostics, "diagnostics");
    Objects.requireNonNull(sampler, "sampler");
  }

  /** Samples from a sampler that reports how it fared. */
  public PosteriorSamples(Batch samples, long proposed, double seconds, String diagnostics,
      SamplerDiagnostics sampler) {
    this(samples, proposed, seconds, diagnostics, Optional.of(sampler));
  }

  /** Samples drawn directly (no MCMC), with no diagnostics. */
  public PosteriorSamples(Batch samples, long proposed, double seconds) {
    this(samples, proposed, seconds, "", Optional.empty());
  }

  /** The share of draws that fell inside the prior's support. */
  public double acceptanceRate() {
    return proposed == 0 ? Double.NaN : samples.rows() / (double) proposed;
  }
}
