package org.jsbi.inference;

import java.util.List;
import java.util.Objects;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.inference.mcmc.LogDensity;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.mcmc.McmcSettings;

/**
 * A posterior sampled by MCMC on Σ_j log ℓ(x_j, θ) + log p(θ), where ℓ is learned up to a factor that does not depend
 * on θ: a likelihood q(x | θ) (NLE) or a likelihood-to-evidence ratio r(x, θ) (NRE). Several i.i.d. trials of one θ
 * sum their terms ({@link #sampleTrials}). With an estimator whose log-density is itself an estimate (the
 * conditional VAE), the target is noisy, and the diagnostics say so.
 */
public abstract class McmcPosterior implements McmcSampled {
  protected final Model model;
  protected final ConditionalDensityEstimator estimator;
  protected final TrainingRecord training;
  protected final Mcmc.Method method;
  protected final McmcSettings settings;
  protected final ProgressListener progress;

  protected McmcPosterior(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Mcmc.Method method, McmcSettings settings, ProgressListener progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    this.model = Objects.requireNonNull(model, "model");
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.training = Objects.requireNonNull(training, "training");
    this.method = Objects.requireNonNull(method, "method");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** log ℓ(x, θ) for each row of the pairs {@code x} and {@code theta}, in one batched estimator call. */
  protected abstract double[] logTerm(Batch x, Batch theta);

  /** The same posterior with another sampler, settings or progress listener; the estimator is shared. */
  protected abstract McmcPosterior with(Mcmc.Method m, McmcSettings s, ProgressListener listener);

  @Override
  public McmcPosterior withMcmc(Mcmc.Method m, McmcSettings s) {
    return with(m, s, progress);
  }

  @Override
  public McmcPosterior withProgress(ProgressListener listener) {
    return with(method, settings, listener);
  }

  @Override
  public Model model() {
    return model;
  }

  @Override
  public ConditionalDensityEstimator estimator() {
    return estimator;
  }

  @Override
  public TrainingRecord training() {
    return training;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public List<String> parameterNames() {
    return model.parameterNames();
  }

  @Override
  public int dataDim() {
    return model.dataDim();
  }

  @Override
  public PosteriorSamples sample(int n, double[] xObserved, long seed) {
    Arguments.finiteVector("xObserved", xObserved, model.dataDim());
    return sampleTrials(n, Batch.wrap(1, xObserved.length, xObserved.clone()), seed);
  }

  @Override
  public PosteriorSamples sampleTrials(int n, Batch trials, long seed) {
    McmcResult r = mcmc(n, trials, seed);
    StringBuilder notes = new StringBuilder(r.summary());
    if (!estimator.exactLogProb()) {
      notes.append("; the likelihood is an importance-weighted estimate (").append(estimator.kind())
          .append("), so the target is noisy and the chains sample it approximately");
    }
    List<String> warnings = r.warnings();
    warnings.forEach(w -> notes.append("\nwarning: ").append(w));
    return new PosteriorSamples(r.samples(), r.samples().rows(), r.seconds(), notes.toString(),
        r.diagnostics(warnings));
  }

  @Override
  public McmcResult mcmc(int n, Batch trials, long seed) {
    Arguments.positive("n", n);
    Arguments.columns("trials", trials, model.dataDim());
    Arguments.finiteBatch("trials", trials);
    return Mcmc.sample(method, model.prior(), logLikelihood(trials), n, settings,
        new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER), progress);
  }

  /** Σ_j log ℓ(x_j, θ) for each row of θ: every (trial, θ) pair in one batched estimator call. */
  private LogDensity logLikelihood(Batch trials) {
    return theta -> {
      int n = theta.rows();
      int m = trials.rows();
      Batch x = Batch.zeros(n * m, trials.cols());
      Batch conditions = Batch.zeros(n * m, theta.cols());
      for (int j = 0; j < m; j++) {
        double[] trial = trials.row(j);
        for (int r = 0; r < n; r++) {
          x.setRow(j * n + r, trial);
          conditions.setRow(j * n + r, theta.row(r));
        }
      }
      double[] lp = logTerm(x, conditions);
      double[] sum = new double[n];
      for (int k = 0; k < lp.length; k++) {
        sum[k % n] += lp[k];
      }
      return sum;
    };
  }

  /** The unnormalized log posterior, log ℓ(x_o, θ) + log p(θ): the normalizing constant is unknown. */
  @Override
  public double[] logProb(Batch theta, double[] xObserved) {
    Arguments.columns("theta", theta, model.parameterDim());
    Arguments.finiteVector("xObserved", xObserved, model.dataDim());
    double[] lp = logLikelihood(Batch.wrap(1, xObserved.length, xObserved.clone())).evaluate(theta);
    for (int i = 0; i < lp.length; i++) {
      double[] row = theta.row(i);
      lp[i] = model.prior().inSupport(row) ? lp[i] + model.prior().logDensity(row) : Double.NEGATIVE_INFINITY;
    }
    return lp;
  }

  /** The best of 1,000 MCMC draws, refined by Nelder–Mead on the unnormalized log posterior. */
  @Override
  public double[] map(double[] xObserved, long seed) {
    Batch candidates = withMcmc(method, settings.withChains(Math.min(settings.chains(), 20)))
        .sample(1000, xObserved, seed).samples();
    return MapSearch.refine(candidates, logProb(candidates, xObserved),
        theta -> logProb(Batch.wrap(1, theta.length, theta.clone()), xObserved)[0]);
  }

  @Override
  public void close() {
    estimator.close();
  }
}
