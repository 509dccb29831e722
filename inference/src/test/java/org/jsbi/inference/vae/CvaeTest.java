package org.jsbi.inference.vae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Test;

/** The estimator contract, plus what the importance-weighted density of a conditional VAE must satisfy. */
class CvaeTest extends DensityEstimatorContract {
  @Override
  protected EstimatorFactory factory() {
    return new CvaeFactory(CvaeSpec.defaults());
  }

  /** u | c is an equal mixture of N(c − 1, 0.3²) and N(c + 1, 0.3²): no Gaussian decoder fits it without z. */
  private static Batch[] bimodal(int n, long seed) {
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SIMULATOR);
    Batch c = Batch.zeros(n, 1);
    Batch u = Batch.zeros(n, 1);
    for (int i = 0; i < n; i++) {
      double ci = 2 * rng.nextDouble() - 1;
      c.set(i, 0, ci);
      u.set(i, 0, ci + (rng.nextBoolean() ? 1 : -1) + 0.3 * rng.nextGaussian());
    }
    return new Batch[] {u, c};
  }

  private static double bimodalLogDensity(double u, double c) {
    double a = (u - c + 1) / 0.3;
    double b = (u - c - 1) / 0.3;
    return Math.log(0.5 * (Math.exp(-0.5 * a * a) + Math.exp(-0.5 * b * b)) / (0.3 * Math.sqrt(2 * Math.PI)));
  }

  private static EstimatorState withImportanceSamples(EstimatorState s, int k) {
    Map<String, String> h = new LinkedHashMap<>(s.hyperParameters());
    h.put("importanceSamples", Integer.toString(k));
    return new EstimatorState(s.kind(), s.inputDim(), s.conditionDim(), h, s.input(), s.condition(), s.weights(),
        s.history());
  }

  /**
   * On a bimodal conditional the latent variable carries the mode, and the IWAE estimate behaves as a lower bound
   * should: its mean grows with K (K = 1 is the evidence lower bound with one sample), and with the default K it is
   * close to the true log-density, measured by the Monte-Carlo KL(p ‖ q).
   */
  @Test
  void importanceWeightingTightensTheBoundTowardsTheTrueBimodalDensity() {
    Batch[] train = bimodal(N, 31);
    Batch[] test = bimodal(4000, 32);
    try (ConditionalDensityEstimator q = factory().train(train[0], train[1], TrainingConfig.defaults(33),
        TrainingListener.NONE)) {
      double kl = 0;
      double[] lp = q.logProb(test[0], test[1]);
      for (int i = 0; i < lp.length; i++) {
        kl += (bimodalLogDensity(test[0].get(i, 0), test[1].get(i, 0)) - lp[i]) / lp.length;
      }
      System.out.printf("cvae on a bimodal conditional: KL(p ‖ q) estimate %.4f nats%n", kl);
      // Lower bound in expectation plus fitting error: the estimate is at least the Monte-Carlo error below 0.
      assertThat(kl).as("KL(p ‖ q) estimate with K = 64, nats").isBetween(-0.01, 0.05);
      double previous = Double.NEGATIVE_INFINITY;
      for (int k : new int[] {1, 8, 64}) {
        try (ConditionalDensityEstimator qk = factory().restore(withImportanceSamples(q.state(), k))) {
          double mean = java.util.Arrays.stream(qk.logProb(test[0], test[1])).average().orElseThrow();
          System.out.printf("cvae on a bimodal conditional: mean log q with K = %d: %.4f%n", k, mean);
          assertThat(mean).as("mean IWAE estimate with K = %d", k).isGreaterThan(previous);
          previous = mean;
        }
      }
    }
  }

  /** Each row's noise is seeded by its own values, so its estimate does not depend on the rows beside it. */
  @Test
  void logProbOfARowDoesNotDependOnTheBatch() {
    Batch[] test = bimodal(300, 41);
    double[] together = oneD().logProb(test[0], test[1]);
    for (int i : new int[] {0, 17, 299}) {
      double alone = oneD().logProb(test[0].selectRows(new int[] {i}), test[1].selectRows(new int[] {i}))[0];
      assertThat(alone).as("row %d", i).isCloseTo(together[i], Offset.offset(1e-5));
    }
  }
}
