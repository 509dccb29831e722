package org.jsbi.inference;

import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.Batch;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.mcmc.McmcSettings;

/**
 * The capability of a posterior that is sampled by MCMC on an unnormalized log density (NLE today; ratio and
 * sequential methods next): its sampler can be chosen and watched, its runs report R-hat and ESS, and several
 * i.i.d. trials of one θ combine into one target. Ask for it with {@code posterior.as(McmcSampled.class)}.
 */
public interface McmcSampled extends TrainedPosterior, ProgressReporting {
  /** The same posterior with another sampler or settings (the estimator is shared, not copied). */
  McmcSampled withMcmc(Mcmc.Method method, McmcSettings settings);

  /** The same posterior reporting MCMC progress (sweeps done of the total) to {@code listener}. */
  @Override
  McmcSampled withProgress(ProgressListener listener);

  /** Samples of θ given several i.i.d. trials (one per row of {@code trials}) of the same θ. */
  PosteriorSamples sampleTrials(int n, Batch trials, long seed);

  /** The MCMC run behind {@link #sampleTrials}, with its diagnostics. */
  McmcResult mcmc(int n, Batch trials, long seed);
}
