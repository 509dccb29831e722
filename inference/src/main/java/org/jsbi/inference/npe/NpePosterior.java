package org.jsbi.inference.npe;

import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.ProgressReporting;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.inference.MapSearch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.NormalizedDensity;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplingLimits;

/**
 * The amortized posterior of NPE: samples come straight from q(θ | x), rejecting the draws outside the prior's
 * support (which q may leak mass into), and log densities are renormalized by the accepted share. Where q has no
 * log-density (an adversarial generator) it is {@link SamplesOnly}: {@link #logProb} and {@link #map} throw.
 */
public final class NpePosterior implements TrainedPosterior, DataFeatures, NormalizedDensity, SamplesOnly,
    ProgressReporting {
  private static final int LEAKAGE_DRAWS = 10_000;
  private static final long LEAKAGE_SEED = 0x1EA4A6EL;

  private final Model model;
  private final ConditionalDensityEstimator estimator;
  private final TrainingRecord training;
  private final ThetaSpace thetaSpace;
  private final SamplingLimits limits;
  private final Map<List<Double>, Double> acceptance = new ConcurrentHashMap<>();
  private final ProgressListener progress;

  NpePosterior(Model model, ConditionalDensityEstimator estimator, TrainingRecord training, ThetaSpace thetaSpace,
      SamplingLimits limits) {
    this(model, estimator, training, thetaSpace, limits, ProgressListener.NONE);
  }

  private NpePosterior(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      ThetaSpace thetaSpace, SamplingLimits limits, ProgressListener progress) {
    this.model = Objects.requireNonNull(model, "model");
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.training = Objects.requireNonNull(training, "training");
    this.thetaSpace = Objects.requireNonNull(thetaSpace, "thetaSpace");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The same posterior reporting its accepted draws, of all those asked for, to {@code listener}. */
  @Override
  public NpePosterior withProgress(ProgressListener listener) {
    return new NpePosterior(model, estimator, training, thetaSpace, limits, listener);
  }

  @Override
  public String method() {
    return "npe";
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public Model model() {
    return model;
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
  public ConditionalDensityEstimator estimator() {
    return estimator;
  }

  @Override
  public TrainingRecord training() {
    return training;
  }

  /** The space in which q was fitted. */
  public ThetaSpace thetaSpace() {
    return thetaSpace;
  }

  /**
   * {@code n} samples for {@code xObserved}: the same as the first observation of {@link #sample(int, Batch, long)}
   * with this seed. Each round proposes as many draws as the acceptance so far suggests (1.1 n at first), all in one
   * call of q, so a posterior inside the prior's support costs one call of about 1.1 n rows.
   */
  @Override
  public PosteriorSamples sample(int n, double[] xObserved, long seed) {
    Arguments.positive("n", n);
    model.dataShape().check("xObserved", Arguments.finiteVector("xObserved", xObserved, model.dataDim()));
    return BatchedSampling.sample(estimator, model.prior(), n, Batch.wrap(1, xObserved.length, xObserved.clone()),
        seed, limits, progress).get(0);
  }

  /**
   * {@code n} samples for each row of {@code xObserved}, all observations drawn together in batched calls of q (see
   * {@link BatchedSampling}): row k's samples depend only on the seed, k and the row, not on the other rows.
   */
  @Override
  public List<PosteriorSamples> sample(int n, Batch xObserved, long seed) {
    Arguments.positive("n", n);
    Arguments.finiteBatch("xObserved", Arguments.columns("xObserved", xObserved, model.dataDim()));
    for (int k = 0; k < xObserved.rows(); k++) {
      model.dataShape().check("xObserved row " + (k + 1), xObserved.row(k));
    }
    return BatchedSampling.sample(estimator, model.prior(), n, xObserved, seed, limits, progress);
  }

  static void checkLimits(int accepted, long proposed, int n, double seconds, SamplingLimits lim,
      double[] xo) {
    if (accepted >= n) {
      return;
    }
    double rate = accepted / (double) proposed;
    String why = null;
    if (proposed >= lim.probeSize() && rate < lim.minAcceptanceRate()) {
      why = "acceptance rate " + String.format(java.util.Locale.ROOT, "%.2g", rate) + " is below the minimum "
          + lim.minAcceptanceRate();
    } else if (proposed >= lim.maxProposalsPerSample() * n) {
      why = "the cap of " + lim.maxProposalsPerSample() + " draws per sample was reached";
    } else if (seconds > lim.maxSeconds()) {
      why = "the time cap of " + lim.maxSeconds() + " s was reached";
    }
    if (why != null) {
      throw new IllegalStateException("posterior sampling stopped: " + why + " (" + accepted + " of " + proposed
          + " draws inside the prior's support) for xObserved " + Arrays.toString(xo) + "; the observation may be "
          + "one the model rarely produces: check it, or train on more simulations");
    }
  }

  @Override
  public double[] logProb(Batch theta, double[] xObserved) {
    densityNeeded();
    Arguments.columns("theta", theta, model.parameterDim());
    model.dataShape().check("xObserved", Arguments.finiteVector("xObserved", xObserved, model.dataDim()));
    double[] lp = estimator.logProb(theta, Batch.wrap(1, xObserved.length, xObserved.clone()));
    double logAccept = Math.log(acceptanceRate(xObserved));
    for (int i = 0; i < lp.length; i++) {
      lp[i] = model.prior().inSupport(theta.row(i)) ? lp[i] - logAccept : Double.NEGATIVE_INFINITY;
    }
    return lp;
  }

  /**
   * The share of q(θ | x)'s mass inside the prior's support, estimated from 10,000 draws with a fixed seed; 1 when
   * q was fitted in unconstrained space, where every draw lands inside.
   */
  public double acceptanceRate(double[] xObserved) {
    if (thetaSpace == ThetaSpace.UNCONSTRAINED) {
      return 1;
    }
    List<Double> key = Arrays.stream(xObserved).boxed().toList();
    return acceptance.computeIfAbsent(key, k -> {
      Batch draws = estimator.sample(LEAKAGE_DRAWS, xObserved,
          new RandomStreams(LEAKAGE_SEED).single(RandomStreams.Purpose.SAMPLER));
      long inside = 0;
      for (int i = 0; i < draws.rows(); i++) {
        inside += model.prior().inSupport(draws.row(i)) ? 1 : 0;
      }
      return Math.max(inside, 1) / (double) draws.rows();
    });
  }

  /** The best of 1,000 posterior draws, refined by Nelder–Mead on the posterior log density. */
  @Override
  public double[] map(double[] xObserved, long seed) {
    densityNeeded();
    Batch candidates = sample(1000, xObserved, seed).samples();
    Batch x = Batch.wrap(1, xObserved.length, xObserved.clone());
    return MapSearch.refine(candidates, logProb(candidates, xObserved), theta -> {
      if (!model.prior().inSupport(theta)) {
        return Double.NEGATIVE_INFINITY;
      }
      return estimator.logProb(Batch.wrap(1, theta.length, theta.clone()), x)[0];
    });
  }

  /** Refuses, before any work, a call that needs q's density where q has none. */
  private void densityNeeded() {
    if (!estimator.hasLogProb()) {
      throw new UnsupportedOperationException("posterior: " + estimator.kind() + " draws samples only and has no "
          + "log-density, so this posterior has neither logProb nor a MAP; train with maf, nsf or coupling for them");
    }
  }

  @Override
  public void close() {
    estimator.close();
  }

  /** The θ space, which loading needs to rebuild this posterior ({@link NpeMethod#restore}). */
  @Override
  public java.util.Map<String, String> settings() {
    return java.util.Map.of(NpeMethod.THETA_SPACE_SETTING, thetaSpace().id());
  }

  /**
   * {@link DataFeatures} only when q has an embedding network of x; {@link NormalizedDensity} only when q's
   * log-density is exact; {@link SamplesOnly} only when q has none.
   */
  @Override
  public <C> java.util.Optional<C> as(Class<C> capability) {
    if (capability == DataFeatures.class && !estimator().hasEmbedding()
        || capability == NormalizedDensity.class && !estimator().exactLogProb()
        || capability == SamplesOnly.class && estimator().hasLogProb()) {
      return java.util.Optional.empty();
    }
    return TrainedPosterior.super.as(capability);
  }

  @Override
  public Batch features(Batch x) {
    return estimator().embed(x);
  }
}
