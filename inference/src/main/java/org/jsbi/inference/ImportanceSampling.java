package org.jsbi.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.posterior.NormalizedDensity;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplerDiagnostics;
import org.jsbi.api.posterior.TrainedPosterior;

/**
 * Draws from one posterior by reweighting another's: sampling-importance-resampling with a posterior that samples
 * directly and knows its normalized density (NPE) as proposal, and any posterior's log-density (NLE's learned
 * likelihood times the prior, known up to a constant) as target, as sbi's importance-sampling posterior does. For
 * each draw, {@code oversampling} proposals θₖ ~ q(θ | x) are weighed by wₖ = p̃(θₖ | x) / q(θₖ | x) and one of them
 * is kept with probability proportional to its weight. Unlike MCMC, it needs no chains and finds every mode the
 * proposal covers; it is only as good as that cover, which the weights' effective sample size says: a small share
 * means the proposal misses where the target puts its mass.
 *
 * <pre>{@code
 * PosteriorSamples s = ImportanceSampling.sample(nlePosterior, npePosterior, 10_000, x, 32, seed);
 * }</pre>
 */
public final class ImportanceSampling {
  /** Proposals per kept draw, as sbi's default {@code oversampling_factor}. */
  public static final int DEFAULT_OVERSAMPLING = 32;
  /** Below this share of effective samples among the proposals, the result carries a warning. */
  static final double LOW_EFFECTIVE_SHARE = 0.01;
  /** The index of the stream the picks draw from. */
  private static final long PICKS = 0x1AB0_5A4DL;

  private ImportanceSampling() {}

  /**
   * {@code n} draws from {@code target} for {@code x}, proposed by {@code proposal}; the diagnostics give the
   * weights' effective sample size.
   */
  public static PosteriorSamples sample(TrainedPosterior target, TrainedPosterior proposal, int n, double[] x,
      int oversampling, long seed) {
    check(target, proposal);
    Arguments.positive("n", n);
    Arguments.positive("oversampling", oversampling);
    long start = System.nanoTime();
    PosteriorSamples proposed = proposal.sample(Math.multiplyExact(n, oversampling), x, seed);
    Batch theta = proposed.samples();
    return reweighted(target, theta, proposal.logProb(theta, x), proposed.proposed(), proposal.method(), n, x,
        oversampling, seed, start);
  }

  /**
   * {@code n} draws from {@code target} for {@code x}, proposed by its model's prior: cheap where the posterior is
   * broad, and wasteful (a low effective sample size, and a warning) where it is narrow.
   */
  public static PosteriorSamples fromPrior(TrainedPosterior target, int n, double[] x, int oversampling, long seed) {
    checkTarget(target);
    Arguments.positive("n", n);
    Arguments.positive("oversampling", oversampling);
    long start = System.nanoTime();
    int m = Math.multiplyExact(n, oversampling);
    org.jsbi.api.Prior prior = target.model().prior();
    Batch theta = prior.sample(m, new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER));
    double[] logQ = new double[m];
    for (int k = 0; k < m; k++) {
      logQ[k] = prior.logDensity(theta.row(k));
    }
    return reweighted(target, theta, logQ, m, "the prior", n, x, oversampling, seed, start);
  }

  /** Picks n of the proposals θ (n × oversampling rows, log-density logQ under the proposal) by their weights. */
  private static PosteriorSamples reweighted(TrainedPosterior target, Batch theta, double[] logQ, long proposedCount,
      String proposalName, int n, double[] x, int oversampling, long seed, long start) {
    int m = theta.rows();
    double[] logP = target.logProb(theta, x);
    double[] logW = new double[m];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < m; k++) {
      logW[k] = Double.isNaN(logP[k] - logQ[k]) ? Double.NEGATIVE_INFINITY : logP[k] - logQ[k];
      max = Math.max(max, logW[k]);
    }
    if (!(max > Double.NEGATIVE_INFINITY) || max == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("importance sampling: the target's density is zero (or not finite) at all "
          + m + " proposals; check that both posteriors are of the same model and observation");
    }
    double sum = 0;
    double squares = 0;
    double[] w = new double[m];
    for (int k = 0; k < m; k++) {
      w[k] = Math.exp(logW[k] - max);
      sum += w[k];
      squares += w[k] * w[k];
    }
    double ess = sum * sum / squares;
    // the picks' stream, apart from the one the proposal's sampler derives from the same seed
    RandomGenerator rng = new RandomStreams(seed).stream(PICKS, RandomStreams.Purpose.SAMPLER);
    int[] kept = new int[n];
    for (int i = 0; i < n; i++) {
      kept[i] = pick(w, i * oversampling, oversampling, sum, rng);
    }
    String diagnostics = String.format(Locale.ROOT, "importance sampling: %d draws, each picked among %d "
        + "proposals from %s; effective sample size of the %d weights %.0f (%.1f%%)", n, oversampling,
        proposalName, m, ess, 100 * ess / m);
    List<String> warnings = new ArrayList<>();
    if (ess / m < LOW_EFFECTIVE_SHARE) {
      warnings.add(String.format(Locale.ROOT, "only %.2f%% of the proposals count: %s misses much of where "
          + "the target puts its mass, so these draws may lack some of it; propose from a posterior trained on more "
          + "simulations, or sample the target by MCMC", 100 * ess / m, proposalName));
    }
    for (String warning : warnings) {
      diagnostics += "\nwarning: " + warning;
    }
    return new PosteriorSamples(theta.selectRows(kept), proposedCount, (System.nanoTime() - start) / 1e9,
        diagnostics, SamplerDiagnostics.weighted("importance sampling", ess, warnings));
  }

  /** One index in [from, from + count) with probability proportional to its weight; over all when all are zero. */
  private static int pick(double[] w, int from, int count, double total, RandomGenerator rng) {
    double groupTotal = 0;
    for (int k = from; k < from + count; k++) {
      groupTotal += w[k];
    }
    int lo = groupTotal > 0 ? from : 0;
    int hi = groupTotal > 0 ? from + count : w.length;
    double u = rng.nextDouble() * (groupTotal > 0 ? groupTotal : total);
    for (int k = lo; k < hi; k++) {
      u -= w[k];
      if (u < 0) {
        return k;
      }
    }
    return hi - 1;
  }

  private static void checkTarget(TrainedPosterior target) {
    if (target.as(SamplesOnly.class).isPresent()) {
      throw new IllegalArgumentException("posterior: expected one with a log-density to weight the proposal's draws "
          + "by, got one whose estimator (" + target.estimator().kind() + ") draws samples only; sample it directly");
    }
  }

  private static void check(TrainedPosterior target, TrainedPosterior proposal) {
    checkTarget(target);
    if (proposal.as(NormalizedDensity.class).isEmpty()) {
      throw new IllegalArgumentException("proposal: expected a posterior with a normalized density that samples "
          + "directly (NPE with a flow), got " + proposal.method() + ", whose log-density is not that of its draws");
    }
    if (!target.modelId().equals(proposal.modelId())
        || !target.parameterNames().equals(proposal.parameterNames())) {
      throw new IllegalArgumentException("proposal: expected a posterior of model '" + target.modelId() + "' with "
          + "parameters " + target.parameterNames() + ", got model '" + proposal.modelId() + "' with "
          + proposal.parameterNames());
    }
  }
}
