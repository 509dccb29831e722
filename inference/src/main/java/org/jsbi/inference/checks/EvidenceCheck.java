package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Batch;
import org.jsbi.api.Prior;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;

/**
 * Typicality under the evidence of an NLE posterior: log p(x) ≈ log (1/K) Σ_k q(x | θ_k) with K fixed prior draws,
 * and the p-value is the share of reference simulations whose estimated evidence is no higher than the
 * observation's. Uses the learned likelihood, so it needs no extra density fit.
 *
 * <p>Needs: a learned likelihood (the {@code LearnedLikelihood} capability).
 */
public final class EvidenceCheck {
  /** Prior draws in the Monte-Carlo estimate of the evidence. */
  static final int PRIOR_DRAWS = 500;

  private final ConditionalDensityEstimator likelihood;
  private final Batch thetas;
  private final double[] reference;

  private EvidenceCheck(ConditionalDensityEstimator likelihood, Batch thetas, double[] reference) {
    this.likelihood = likelihood;
    this.thetas = thetas;
    this.reference = reference;
  }

  /** Prepares the check with {@code referenceX}, simulations from the prior predictive, as its null. */
  public static EvidenceCheck fit(ConditionalDensityEstimator likelihood, Prior prior, Batch referenceX, long seed) {
    if (referenceX.rows() < 50) {
      throw new IllegalArgumentException("referenceX: expected at least 50 reference simulations for the evidence "
          + "check, got " + referenceX.rows());
    }
    Batch thetas = prior.sample(PRIOR_DRAWS, new RandomStreams(seed).single(RandomStreams.Purpose.PRIOR));
    EvidenceCheck partial = new EvidenceCheck(likelihood, thetas, new double[0]);
    double[] ref = new double[referenceX.rows()];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = partial.logEvidence(referenceX.row(i));
    }
    Arrays.sort(ref);
    return new EvidenceCheck(likelihood, thetas, ref);
  }

  /** The Monte-Carlo estimate of log p(x). */
  public double logEvidence(double[] x) {
    Batch xs = Batch.zeros(thetas.rows(), x.length);
    for (int k = 0; k < thetas.rows(); k++) {
      xs.setRow(k, x);
    }
    double[] lp = likelihood.logProb(xs, thetas);
    double max = Arrays.stream(lp).max().orElse(Double.NEGATIVE_INFINITY);
    if (!(max > Double.NEGATIVE_INFINITY)) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (double v : lp) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / lp.length);
  }

  public CheckResult test(double[] x) {
    double le = logEvidence(x);
    return new CheckResult("evidence", le, Typicality.pValue(reference, le), String.format(java.util.Locale.ROOT,
        "log evidence %.3f under the learned likelihood (%d prior draws), against %d reference simulations", le,
        thetas.rows(), reference.length));
  }
}
