package org.jsbi.inference.npe;

/**
 * The space in which NPE fits q(θ | x). For a prior with a bounded support, {@link #UNCONSTRAINED} fits the density
 * of θ mapped to ℝ^d (logit per dimension bounded on both sides, log per dimension bounded on one), so q puts no
 * mass outside the support and can follow a posterior that the support's edges cut off. For an unbounded prior
 * the two are the same. {@link #TRUNCATED} keeps θ as drawn but trains q as a density truncated to the support.
 * {@link #AUTO}, the default, does so only where q leaks much mass past the support's edges.
 */
public enum ThetaSpace {
  /** q is fitted to θ as the prior draws it; draws outside the support are rejected when sampling. */
  ORIGINAL,
  /** q is fitted to θ mapped to ℝ^d; its draws are mapped back, and log densities carry the Jacobian. */
  UNCONSTRAINED,
  /**
   * As {@link #ORIGINAL}, but q is finished as a density truncated to the support: once the validation loss
   * first stops improving, training goes on at the lowered learning rate on −log q(θ | x) + log Q(x), where Q(x)
   * is q's mass inside the support. That is the log-density of what rejection draws from, so q may put mass
   * outside the support where that lets it fit a posterior that the support's edges cut off.
   */
  TRUNCATED,
  /**
   * As {@link #TRUNCATED} when, once the validation loss first stops improving, q puts at least {@link
   * #AUTO_MIN_LEAK} of its mass outside the support (averaged over the validation simulations): there the cut-off
   * posterior is what q fits worst, and the finish, whose epochs cost several times as much, pays most. Otherwise,
   * and for estimators without an exact log-density or simulations outside the support, as {@link #ORIGINAL}, to
   * the same weights.
   */
  AUTO;

  /**
   * The leak from which {@link #AUTO} finishes as a truncated density. In the NPE benchmark at 10³ and 10⁴ it
   * separates gaussian-linear-uniform (19–37% outside), whose cut-off Gaussian the finish fits much better, from
   * two-moons and gaussian-mixture (5–8%), whose training it would take to three times as long
   * (docs/benchmark-history.md).
   */
  public static final double AUTO_MIN_LEAK = 0.15;

  /** The names that {@link #of} takes, for messages. */
  public static final String NAMES = "'original', 'unconstrained', 'truncated' or 'auto'";

  /** The name written to {@code posterior.json} and taken by {@code --theta-space}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The space named {@code id}, as written by {@link #id}. */
  public static ThetaSpace of(String id) {
    for (ThetaSpace s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("thetaSpace: expected " + NAMES + ", got '" + id + "'");
  }
}
