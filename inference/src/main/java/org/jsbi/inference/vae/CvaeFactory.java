package org.jsbi.inference.vae;

import java.util.Objects;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.density.DensityEstimator;
import org.jsbi.inference.density.DensityTrainer;

/** Trains and restores conditional VAEs of one {@link CvaeSpec}. */
public final class CvaeFactory implements EstimatorFactory {
  private final CvaeSpec spec;

  public CvaeFactory(CvaeSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public ConditionalDensityEstimator train(Batch input, Batch condition, TrainingConfig config,
      TrainingListener listener) {
    return DensityTrainer.train(spec, input, condition, config, listener);
  }

  @Override
  public ConditionalDensityEstimator restore(EstimatorState state) {
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("state: expected an estimator of kind 'cvae', got '" + state.kind() + "'");
    }
    return DensityEstimator.restore(CvaeSpec.fromHyperParameters(state.hyperParameters()), state);
  }

  @Override
  public String description() {
    return "conditional VAE, " + spec.hidden() + " hidden units, log-density by importance weighting with K = "
        + spec.importanceSamples() + " (a lower-bound estimate) (Sohn et al. 2015; Burda et al. 2016)";
  }
}
