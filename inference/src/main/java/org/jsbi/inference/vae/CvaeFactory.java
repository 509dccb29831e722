package org.jsbi.inference.vae;

import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.density.SpecFactory;

/** Trains and restores conditional VAEs of one {@link CvaeSpec}. */
public final class CvaeFactory extends SpecFactory<CvaeSpec> {
  public CvaeFactory(CvaeSpec spec) {
    super(spec);
  }

  @Override
  protected CvaeSpec specOf(EstimatorState state) {
    return CvaeSpec.fromHyperParameters(state.hyperParameters());
  }

  @Override
  public String description() {
    return "conditional VAE, " + spec.hidden() + " hidden units, log-density by importance weighting with K = "
        + spec.importanceSamples() + " (a lower-bound estimate) (Sohn et al. 2015; Burda et al. 2016)";
  }
}
