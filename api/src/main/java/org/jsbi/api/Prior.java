package org.jsbi.api;

import java.util.random.RandomGenerator;

/** A prior distribution p(θ) over parameters: sampling, log density and support. Immutable and thread-safe. */
public interface Prior {
  /** The dimension of θ. */
  int dim();

  /** Draws one θ. */
  double[] sample(RandomGenerator rng);

  /** Draws {@code n} θ as the rows of a batch. */
  default Batch sample(int n, RandomGenerator rng) {
    Arguments.positive("n", n);
    Batch out = Batch.zeros(n, dim());
    for (int i = 0; i < n; i++) {
      out.setRow(i, sample(rng));
    }
    return out;
  }

  /** log p(θ); {@code Double.NEGATIVE_INFINITY} outside the support. */
  double logDensity(double[] theta);

  /** Whether θ lies in the support, where the density is positive. */
  boolean inSupport(double[] theta);

  /**
   * The support's lower bound in dimension {@code i}, or −∞. With {@link #upperBound} this is the box that MCMC maps
   * to an unconstrained space; the support may be smaller than the box (then {@link #inSupport} decides).
   */
  default double lowerBound(int i) {
    return Double.NEGATIVE_INFINITY;
  }

  /** The support's upper bound in dimension {@code i}, or +∞. */
  default double upperBound(int i) {
    return Double.POSITIVE_INFINITY;
  }

  /** A one-line description of the distribution, e.g. {@code BoxUniform([-1, 1]^2)}. */
  String describe();

  /** θ ↔ ℝ^d for this prior's bounding box: what MCMC samples in, and NPE's unconstrained θ space. */
  default UnconstrainedSpace unconstrainedSpace() {
    return new UnconstrainedSpace(this);
  }
}
