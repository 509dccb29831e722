package org.jsbi.api.posterior;

import java.util.Objects;
import org.jsbi.api.Batch;

/**
 * Posterior samples and how they were obtained.
 *
 * @param samples one θ per row
 * @param proposed draws made from the estimator, including those rejected outside the prior's support
 * @param seconds wall time taken
 */
public record PosteriorSamples(Batch samples, long proposed, double seconds) {
  public PosteriorSamples {
    Objects.requireNonNull(samples, "samples");
  }

  /** The share of draws that fell inside the prior's support. */
  public double acceptanceRate() {
    return proposed == 0 ? Double.NaN : samples.rows() / (double) proposed;
  }
}
