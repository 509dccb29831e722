package org.acme.importance;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;

/** θ from the prior, resampled with weights q(x_o | θ): sampling importance resampling on a learned likelihood. */
final class ImportancePosterior implements TrainedPosterior {
  private final Model model;
  private final ConditionalDensityEstimator likelihood;
  private final TrainingRecord training;
  private final int draws;

  ImportancePosterior(Model model, ConditionalDensityEstimator likelihood, TrainingRecord training, int draws) {
    this.model = model;
    this.likelihood = likelihood;
    this.training = training;
    this.draws = draws;
  }

  @Override
  public String method() {
    return "nle-importance";
  }

  @Override
  public Model model() {
    return model;
  }

  @Override
  public ConditionalDensityEstimator estimator() {
    return likelihood;
  }

  @Override
  public TrainingRecord training() {
    return training;
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(ImportanceMethod.DRAWS, Integer.toString(draws));
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
    long start = System.nanoTime();
    RandomStreams streams = new RandomStreams(seed);
    int m = n * draws;
    Batch theta = model.prior().sample(m, streams.single(RandomStreams.Purpose.PRIOR));
    double[] logW = likelihood.logProb(repeat(xObserved, m), theta);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logW) {
      max = Math.max(max, v);
    }
    double[] cumulative = new double[m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      total += Math.exp(logW[i] - max);
      cumulative[i] = total;
    }
    RandomGenerator rng = streams.single(RandomStreams.Purpose.SAMPLER);
    Batch out = Batch.zeros(n, theta.cols());
    for (int k = 0; k < n; k++) {
      double u = rng.nextDouble() * total;
      int i = java.util.Arrays.binarySearch(cumulative, u);
      out.setRow(k, theta.row(Math.min(m - 1, i < 0 ? -i - 1 : i)));
    }
    return new PosteriorSamples(out, m, (System.nanoTime() - start) / 1e9);
  }

  /** Unnormalized: log q(x_o | θ) + log p(θ). */
  @Override
  public double[] logProb(Batch theta, double[] xObserved) {
    double[] out = likelihood.logProb(repeat(xObserved, theta.rows()), theta);
    for (int i = 0; i < out.length; i++) {
      out[i] += model.prior().logDensity(theta.row(i));
    }
    return out;
  }

  @Override
  public double[] map(double[] xObserved, long seed) {
    Batch theta = sample(200, xObserved, seed).samples();
    double[] lp = logProb(theta, xObserved);
    int best = 0;
    for (int i = 1; i < lp.length; i++) {
      best = lp[i] > lp[best] ? i : best;
    }
    return theta.row(best);
  }

  @Override
  public void close() {
    likelihood.close();
  }

  private static Batch repeat(double[] x, int rows) {
    Batch out = Batch.zeros(rows, x.length);
    for (int i = 0; i < rows; i++) {
      out.setRow(i, x);
    }
    return out;
  }
}
