package org.jsbi.inference.mcmc;

import org.jsbi.api.Batch;
import org.jsbi.api.UnconstrainedSpace;

/** An unnormalized log density evaluated for many points at once: one value per row, −∞ where it is zero. */
@FunctionalInterface
public interface LogDensity {
  double[] evaluate(Batch points);

  /** The density over y in {@code space} that corresponds to {@code overTheta}, a density over θ. */
  static LogDensity inUnconstrained(UnconstrainedSpace space, LogDensity overTheta) {
    return y -> {
      double[] lp = overTheta.evaluate(space.toConstrained(y));
      for (int r = 0; r < lp.length; r++) {
        lp[r] += space.logAbsDetJacobian(y.row(r));
      }
      return lp;
    };
  }
}
