package org.jsbi.api.posterior;

import org.jsbi.api.Arguments;

/**
 * Caps on rejection sampling, so that an observation the estimator puts outside the prior fails with a clear
 * message instead of hanging.
 *
 * @param maxProposalsPerSample give up after this many draws per requested sample
 * @param minAcceptanceRate give up once at least {@code probeSize} draws have been made and fewer than this share
 *     were accepted
 * @param probeSize draws made before the acceptance rate is judged
 * @param maxSeconds give up after this much wall time
 */
public record SamplingLimits(long maxProposalsPerSample, double minAcceptanceRate, int probeSize, double maxSeconds) {
  public SamplingLimits {
    if (maxProposalsPerSample < 1) {
      throw new IllegalArgumentException("maxProposalsPerSample: expected at least 1, got " + maxProposalsPerSample);
    }
    if (!(minAcceptanceRate >= 0 && minAcceptanceRate < 1)) {
      throw new IllegalArgumentException("minAcceptanceRate: expected a value in [0, 1), got " + minAcceptanceRate);
    }
    Arguments.positive("probeSize", probeSize);
    Arguments.positive("maxSeconds", maxSeconds);
  }

  /** At most 1,000 draws per sample, at least 0.1% accepted after 10,000 draws, at most 10 minutes. */
  public static SamplingLimits defaults() {
    return new SamplingLimits(1000, 1e-3, 10_000, 600);
  }
}
