package org.jsbi.inference.checks;

import java.util.Arrays;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
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
 * <p>Needs: simulations and an estimator to fit, no posterior.
 */
public final class Typicality implements AutoCloseable {
  /** Share of the simulations held out to calibrate the p-values. */
  static final double HELD_OUT = 0.2;

  private final ConditionalDensityEstimator density;
  private final double[] heldOut; // sorted log q of held-out simulations

  private Typicality(ConditionalDensityEstimator density, double[] heldOut) {
    this.density = density;
    this.heldOut = heldOut;
  }

  /** Fits q(x) to 80% of {@code simulations} and scores the other 20% as the reference distribution. */
  public static Typicality fit(Batch simulations, EstimatorFactory factory, long seed) {
    Arguments.finiteBatch("simulations", simulations);
    int n = simulations.rows();
    int held = (int) Math.round(n * HELD_OUT);
    if (held < 50) {
      throw new IllegalArgumentException("simulations: expected at least 250 reference simulations for the "
          + "typicality test (20% held out, at least 50), got " + n + "; simulate more");
    }
    int[] order = org.jsbi.inference.tf.Training.permutation(n,
        new RandomStreams(seed).single(RandomStreams.Purpose.ESTIMATOR));
    Batch train = simulations.selectRows(Arrays.copyOfRange(order, held, n));
    Batch test = simulations.selectRows(Arrays.copyOfRange(order, 0, held));
    ConditionalDensityEstimator q = factory.train(train, Batch.zeros(train.rows(), 1), TrainingConfig.defaults(seed),
        TrainingListener.NONE);
    double[] lq = q.logProb(test, Batch.zeros(1, 1));
    Arrays.sort(lq);
    return new Typicality(q, lq);
  }

  /** log q(x) for each row. */
  public double[] logDensity(Batch x) {
    return density.logProb(x, Batch.zeros(1, 1));
  }

  /** The test for one observation. */
  public CheckResult test(double[] x) {
    double lq = logDensity(Batch.wrap(1, x.length, x.clone()))[0];
    return new CheckResult("typicality", lq, pValue(heldOut, lq), String.format(java.util.Locale.ROOT,
        "log q(x) = %.3f under a %s fitted to the prior predictive; %d held-out simulations calibrate it", lq,
        density.kind(), heldOut.length));
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
