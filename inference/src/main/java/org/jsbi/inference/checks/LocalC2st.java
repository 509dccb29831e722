package org.jsbi.inference.checks;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;

/**
 * Local classifier two-sample test (L-C2ST, Linhart et al. 2023): is the posterior right <em>at this
 * observation</em>, not only on average as {@link Calibration}'s tests ask? On N simulations (θᵢ, xᵢ) with one
 * posterior draw θ'ᵢ ~ q(θ | xᵢ) each, a classifier learns to tell (θ'ᵢ, xᵢ) (label 1) from (θᵢ, xᵢ) (label 0).
 * If q is the true posterior, the two are the same joint distribution, and at any observation xₒ the classifier's
 * probability of label 1 for draws θ ~ q(θ | xₒ) stays near ½. The statistic is the mean of (p − ½)² over those
 * draws, and its null distribution comes from classifiers trained on labels swapped within each pair: all of them are trained side
 * by side, alike ({@link ClassifierEnsemble}), once per posterior, and then answer any observation in one call.
 *
 * <p>The classifiers are sbi's defaults: two hidden layers of 10 · dim(θ) ReLU units, 100 null trials; inputs are
 * z-scored with the mean and standard deviation of the posterior class, as sbi does.
 *
 * <p>Needs: an amortized posterior sampled directly for many x (NPE), as the calibrated predictive check does.
 */
public final class LocalC2st implements AutoCloseable {
  public static final int DEFAULT_SIMULATIONS = 2000;
  public static final int DEFAULT_NULL_TRIALS = 100;
  private static final int HIDDEN_PER_PARAMETER = 10;
  private static final int MAX_EPOCHS = 1000;
  /** The levels of the P-P plot's grid: 0, 0.005, …, 1. */
  private static final int GRID = 200;

  private final Posterior posterior;
  private final ClassifierEnsemble ensemble;
  private final Standardization z;
  private final int simulations;
  private final int invalid;

  private LocalC2st(Posterior posterior, ClassifierEnsemble ensemble, Standardization z, int simulations,
      int invalid) {
    this.posterior = posterior;
    this.ensemble = ensemble;
    this.z = z;
    this.simulations = simulations;
    this.invalid = invalid;
  }

  /**
   * Trains the classifier and its {@code nullTrials} null classifiers on {@code simulations} fresh simulations of
   * {@code model}, with one draw of {@code posterior} for each.
   */
  public static LocalC2st fit(Posterior posterior, Model model, int simulations, int nullTrials, long seed) {
    if (simulations < 100) {
      throw new IllegalArgumentException("simulations: expected at least 100 simulations to train L-C2ST's "
          + "classifiers, got " + simulations);
    }
    if (nullTrials < 19) {
      throw new IllegalArgumentException("nullTrials: expected at least 19 null trials (p-values down to 0.05), "
          + "got " + nullTrials);
    }
    if (posterior instanceof TrainedPosterior t && t.as(Focused.class).isPresent()) {
      throw new IllegalArgumentException("posterior: expected an amortized posterior, one that answers any x, got "
          + "one trained for a single observation; L-C2ST needs its draws for many simulated data sets");
    }
    SimulationSet sims = new SimulationRunner(SimulationOptions.defaults()).run(model, simulations, seed);
    int n = sims.size();
    Batch theta = sims.theta();
    Batch x = sims.x();
    List<PosteriorSamples> drawn = posterior.sample(1, x, seed + 1);
    int d = theta.cols();
    int in = d + x.cols();
    Batch joint = Batch.wrap(n, in, new double[n * in]);
    Batch fromQ = Batch.wrap(n, in, new double[n * in]);
    for (int i = 0; i < n; i++) {
      double[] q = drawn.get(i).samples().row(0);
      for (int j = 0; j < in; j++) {
        joint.set(i, j, j < d ? theta.get(i, j) : x.get(i, j - d));
        fromQ.set(i, j, j < d ? q[j] : x.get(i, j - d));
      }
    }
    Standardization z = Standardization.of(fromQ);
    float[] features = new float[2 * n * in];
    write(features, 0, fromQ, z);
    write(features, n, joint, z);
    int k = nullTrials + 1;
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.ESTIMATOR);
    float[] labels = new float[2 * n * k];
    for (int c = 0; c < k; c++) {
      // Column 0 holds the real labels. The others swap the labels of each pair (θ'ᵢ, xᵢ), (θᵢ, xᵢ) by a coin flip:
      // under the null θ'ᵢ and θᵢ are independent draws given xᵢ, so every such labelling is as likely as the real
      // one. Shuffling labels across pairs, as sbi does, is not: both rows of a pair share xᵢ, and a null classifier
      // can then learn which xᵢ sit in one class twice.
      for (int i = 0; i < n; i++) {
        boolean swap = c > 0 && rng.nextBoolean();
        labels[i * k + c] = swap ? 0f : 1f;
        labels[(n + i) * k + c] = swap ? 1f : 0f;
      }
    }
    ClassifierEnsemble ensemble = ClassifierEnsemble.train(features, 2 * n, in, labels, k,
        HIDDEN_PER_PARAMETER * d, MAX_EPOCHS, rng);
    return new LocalC2st(posterior, ensemble, z, n, sims.invalidCount());
  }

  /** The test at observation {@code xo}, on {@code samples} posterior draws for it. */
  public LocalC2stResult test(double[] xo, int samples, long seed) {
    Arguments.positive("samples", samples);
    Batch draws = posterior.sample(samples, xo, seed).samples();
    int d = draws.cols();
    int in = d + xo.length;
    Batch rows = Batch.wrap(samples, in, new double[samples * in]);
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < in; j++) {
        rows.set(i, j, j < d ? draws.get(i, j) : xo[j - d]);
      }
    }
    float[] features = new float[samples * in];
    write(features, 0, rows, z);
    double[][] p = ensemble.probabilities(features, samples, in);
    int k = p.length;
    double[] nullStatistics = new double[k - 1];
    for (int c = 1; c < k; c++) {
      nullStatistics[c - 1] = statistic(p[c]);
    }
    double t = statistic(p[0]);
    long atLeast = Arrays.stream(nullStatistics).filter(v -> v >= t).count();
    double pValue = (1 + atLeast) / (double) k;
    double[] levels = new double[GRID + 1];
    double[] cdf = new double[GRID + 1];
    double[] low = new double[GRID + 1];
    double[] high = new double[GRID + 1];
    double[][] sorted = new double[k][];
    for (int c = 0; c < k; c++) {
      sorted[c] = p[c].clone();
      Arrays.sort(sorted[c]);
    }
    double[] nullCdf = new double[k - 1];
    for (int g = 0; g <= GRID; g++) {
      levels[g] = g / (double) GRID;
      cdf[g] = share(sorted[0], levels[g]);
      for (int c = 1; c < k; c++) {
        nullCdf[c - 1] = share(sorted[c], levels[g]);
      }
      Arrays.sort(nullCdf);
      low[g] = nullCdf[(int) Math.floor(0.025 * (k - 2))];
      high[g] = nullCdf[(int) Math.ceil(0.975 * (k - 2))];
    }
    return new LocalC2stResult(t, pValue, samples, simulations, invalid, k - 1, ensemble.epochs(), nullStatistics,
        new LocalC2stResult.PpCurve(levels, cdf, low, high));
  }

  @Override
  public void close() {
    ensemble.close();
  }

  /** The mean of (p − ½)². */
  private static double statistic(double[] p) {
    double s = 0;
    for (double v : p) {
      s += (v - 0.5) * (v - 0.5);
    }
    return s / p.length;
  }

  /** The share of {@code sorted} at or below {@code level}. */
  private static double share(double[] sorted, double level) {
    int i = Arrays.binarySearch(sorted, level);
    if (i < 0) {
      return (-i - 1) / (double) sorted.length;
    }
    while (i + 1 < sorted.length && sorted[i + 1] == level) {
      i++;
    }
    return (i + 1) / (double) sorted.length;
  }

  private static void write(float[] out, int rowOffset, Batch b, Standardization z) {
    double[] m = z.mean();
    double[] s = z.std();
    int in = b.cols();
    for (int i = 0; i < b.rows(); i++) {
      for (int j = 0; j < in; j++) {
        out[(rowOffset + i) * in + j] = (float) ((b.get(i, j) - m[j]) / s[j]);
      }
    }
  }
}
