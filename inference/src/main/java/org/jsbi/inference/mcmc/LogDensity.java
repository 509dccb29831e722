package org.jsbi.inference.mcmc;

import org.jsbi.api.Batch;

/** An unnormalized log density evaluated for many points at once: one value per row, −∞ where it is zero. */
@FunctionalInterface
public interface LogDensity {
  double[] evaluate(Batch points);
}
