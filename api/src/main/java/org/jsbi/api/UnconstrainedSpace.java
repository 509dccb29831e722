package org.jsbi.api;

/**
 * Maps θ in a prior's bounding box ({@link Prior#lowerBound}, {@link Prior#upperBound}) to all of ℝ^d, so that
 * samplers never propose outside the support and NPE can fit a density with no mass outside it: logit for a
 * dimension bounded on both sides, log for one bound, identity for none. A density over θ becomes one over y by
 * adding log |dθ/dy| ({@link #logAbsDetJacobian}).
 */
public final class UnconstrainedSpace {
  private final double[] lower;
  private final double[] upper;

  /** The space of {@code prior}'s bounding box; {@link Prior#unconstrainedSpace()} gives it too. */
  public UnconstrainedSpace(Prior prior) {
    int d = prior.dim();
    lower = new double[d];
    upper = new double[d];
    for (int i = 0; i < d; i++) {
      lower[i] = prior.lowerBound(i);
      upper[i] = prior.upperBound(i);
    }
  }

  public int dim() {
    return lower.length;
  }

  /** The prior's bounding box: its lower bounds (−∞ where none). */
  public double[] lower() {
    return lower.clone();
  }

  /** The prior's bounding box: its upper bounds (+∞ where none). */
  public double[] upper() {
    return upper.clone();
  }

  /** Whether θ lies strictly inside the box, where {@link #toUnconstrained} is finite. */
  public boolean inInterior(double[] theta) {
    for (int i = 0; i < theta.length; i++) {
      if (!(theta[i] > lower[i] && theta[i] < upper[i])) {
        return false;
      }
    }
    return true;
  }

  /** y for θ (θ strictly inside the box). */
  public double[] toUnconstrained(double[] theta) {
    double[] y = new double[theta.length];
    for (int i = 0; i < y.length; i++) {
      boolean lo = Double.isFinite(lower[i]);
      boolean hi = Double.isFinite(upper[i]);
      double t = theta[i];
      if (lo && hi) {
        double p = (t - lower[i]) / (upper[i] - lower[i]);
        y[i] = Math.log(p) - Math.log1p(-p);
      } else if (lo) {
        y[i] = Math.log(t - lower[i]);
      } else if (hi) {
        y[i] = Math.log(upper[i] - t);
      } else {
        y[i] = t;
      }
    }
    return y;
  }

  /** θ for each row of y. */
  public Batch toConstrained(Batch y) {
    Batch theta = Batch.zeros(y.rows(), y.cols());
    for (int r = 0; r < y.rows(); r++) {
      for (int i = 0; i < y.cols(); i++) {
        theta.set(r, i, constrain(i, y.get(r, i)));
      }
    }
    return theta;
  }

  private double constrain(int i, double y) {
    boolean lo = Double.isFinite(lower[i]);
    boolean hi = Double.isFinite(upper[i]);
    if (lo && hi) {
      return lower[i] + (upper[i] - lower[i]) / (1 + Math.exp(-y));
    } else if (lo) {
      return lower[i] + Math.exp(y);
    } else if (hi) {
      return upper[i] - Math.exp(y);
    }
    return y;
  }

  /** log |dθ/dy| for one point. */
  public double logAbsDetJacobian(double[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      boolean lo = Double.isFinite(lower[i]);
      boolean hi = Double.isFinite(upper[i]);
      if (lo && hi) {
        // log σ(y) + log(1 − σ(y)), written to stay finite for large |y|
        double a = Math.abs(y[i]);
        sum += Math.log(upper[i] - lower[i]) - a - 2 * Math.log1p(Math.exp(-a));
      } else if (lo || hi) {
        sum += y[i];
      }
    }
    return sum;
  }
}
