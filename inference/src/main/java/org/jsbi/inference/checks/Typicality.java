package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;

/**
 * Typicality test: a density q(x) fitted to simulations from the prior predictive (a flow with a constant
 * condition), and the p-value of an observation is the share of held-out simulations whose log q is no higher than
 * the observation's. An observation in a region the model rarely produces gets a small p-value.
 *
 * <p>For a set of i.i.d. trials ({@link #fitTrials}) q is fitted to single trials, and a set's statistic is the
 * mean log q of its N trials; the held-out sets calibrate it cut to the observation's N (their first N trials, an
 * exact set of N trials for their θ), so that a set is compared only with sets of its own size.
 *
 * <p>Needs: simulations and an estimator to fit, no posterior.
 */
public final class Typicality implements AutoCloseable {
  /** Share of the simulations held out to calibrate the p-values. */
  static final double HELD_OUT = 0.2;

  /** Held-out sets needed to calibrate a set's p-value at its N. */
  static final int MIN_CALIBRATION = 50;
  /** Trials that a set model's q is fitted to, at most. */
  static final int MAX_TRIALS = 20_000;

  private final ConditionalDensityEstimator density;
  private final double[] heldOut; // sorted log q of held-out simulations; null for sets
  private final DataShape sets; // null unless x is a set of trials
  private final double[][] heldOutTrials; // per held-out set, log q of each of its trials

  private Typicality(ConditionalDensityEstimator density, double[] heldOut, DataShape sets, double[][] heldOutTrials) {
    this.density = density;
    this.heldOut = heldOut;
    this.sets = sets;
    this.heldOutTrials = heldOutTrials;
  }

  /** Fits q(x) to 80% of {@code simulations} and scores the other 20% as the reference distribution. */
  public static Typicality fit(Batch simulations, EstimatorFactory factory, long seed) {
    Batch[] split = split(simulations, seed);
    ConditionalDensityEstimator q = train(split[0], factory, seed);
    double[] lq = q.logProb(split[1], Batch.zeros(1, 1));
    Arrays.sort(lq);
    return new Typicality(q, lq, null, null);
  }

  /**
   * For simulated sets of trials laid out as {@code shape} says: q fitted to single trials (up to {@value
   * #MAX_TRIALS}, the first ones of each of 80% of the sets), the other 20% of the sets held out to calibrate.
   */
  public static Typicality fitTrials(Batch simulations, DataShape shape, EstimatorFactory factory, long seed) {
    Batch[] split = split(simulations, seed);
    int perSet = Math.max(1, MAX_TRIALS / split[0].rows());
    ConditionalDensityEstimator q = train(SetTrials.pooled(split[0], shape, perSet), factory, seed);
    double[][] heldOut = new double[split[1].rows()][];
    for (int i = 0; i < heldOut.length; i++) {
      heldOut[i] = q.logProb(SetTrials.of(split[1].row(i), shape), Batch.zeros(1, 1));
    }
    return new Typicality(q, null, shape, heldOut);
  }

  private static Batch[] split(Batch simulations, long seed) {
    Arguments.finiteBatch("simulations", simulations);
    int n = simulations.rows();
    int held = (int) Math.round(n * HELD_OUT);
    if (held < 50) {
      throw new IllegalArgumentException("simulations: expected at least 250 reference simulations for the "
          + "typicality test (20% held out, at least 50), got " + n + "; simulate more");
    }
    int[] order = org.jsbi.inference.tf.Training.permutation(n,
        new RandomStreams(seed).single(RandomStreams.Purpose.ESTIMATOR));
    return new Batch[] {simulations.selectRows(Arrays.copyOfRange(order, held, n)),
        simulations.selectRows(Arrays.copyOfRange(order, 0, held))};
  }

  private static ConditionalDensityEstimator train(Batch train, EstimatorFactory factory, long seed) {
    return factory.train(train, Batch.zeros(train.rows(), 1), TrainingConfig.defaults(seed), TrainingListener.NONE);
  }

  /** log q(x) for each row. */
  public double[] logDensity(Batch x) {
    return density.logProb(x, Batch.zeros(1, 1));
  }

  /** The test for one observation. */
  public CheckResult test(double[] x) {
    if (sets != null) {
      return testSet(x);
    }
    double lq = logDensity(Batch.wrap(1, x.length, x.clone()))[0];
    return new CheckResult("typicality", lq, pValue(heldOut, lq), String.format(java.util.Locale.ROOT,
        "log q(x) = %.3f under a %s fitted to the prior predictive; %d held-out simulations calibrate it", lq,
        density.kind(), heldOut.length));
  }

  /**
   * A set's test: the mean log q of its N trials against the held-out sets of at least N trials, each cut to its
   * first N.
   *
   * @throws IllegalStateException when fewer than {@value #MIN_CALIBRATION} held-out sets have N trials or more
   */
  private CheckResult testSet(double[] x) {
    double lq = mean(logDensity(SetTrials.of(x, sets)), sets.trialCount(x));
    int n = sets.trialCount(x);
    double[] reference = Arrays.stream(heldOutTrials).filter(t -> t.length >= n).mapToDouble(t -> mean(t, n))
        .sorted().toArray();
    if (reference.length < MIN_CALIBRATION) {
      throw new IllegalStateException("only " + reference.length + " held-out simulations have " + n + " or more "
          + "trials, and the test needs " + MIN_CALIBRATION + "; simulate more");
    }
    return new CheckResult("typicality", lq, pValue(reference, lq), String.format(java.util.Locale.ROOT,
        "mean log q over the observation's %d trials = %.3f, q a %s fitted to single trials of the prior "
            + "predictive; %d held-out sets cut to %d trials calibrate it", n, lq, density.kind(), reference.length,
        n));
  }

  private static double mean(double[] values, int first) {
    double sum = 0;
    for (int i = 0; i < first; i++) {
      sum += values[i];
    }
    return sum / first;
  }

  /** (1 + #{reference ≤ value}) / (1 + n) for a sorted reference: a valid p-value for "value is atypically low". */
  static double pValue(double[] sortedReference, double value) {
    int below = 0;
    for (double r : sortedReference) {
      if (r <= value) {
        below++;
      } else {
        break;
      }
    }
    return (1.0 + below) / (1.0 + sortedReference.length);
  }

  @Override
  public void close() {
    density.close();
  }
}
