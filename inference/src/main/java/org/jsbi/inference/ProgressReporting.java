package org.jsbi.inference;

import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.ProgressListener;

/**
 * The capability of a posterior whose sampling reports its progress: MCMC its sweeps ({@link McmcSampled}), NPE its
 * accepted draws, so that a command can show a bar while an ODE or SDE sampler integrates. Ask for it with {@code
 * posterior.as(ProgressReporting.class)}.
 */
public interface ProgressReporting {
  /** The same posterior, its estimator shared rather than copied, reporting sampling progress to {@code listener}. */
  TrainedPosterior withProgress(ProgressListener listener);
}
