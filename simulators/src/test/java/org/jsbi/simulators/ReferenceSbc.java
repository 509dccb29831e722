package org.jsbi.simulators;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * Simulation-based calibration of a reference posterior under a uniform prior on a box: for θ from the prior and x
 * from the simulator, θ's rank among 99 posterior draws is uniform exactly when the posterior is right. How the
 * grid posteriors were checked.
 */
final class ReferenceSbc {
  private ReferenceSbc() {}

  /** The KS p-value of each parameter's jittered ranks against uniform, over {@code replications} data sets. */
  static double[] pValues(Simulator simulator, ReferencePosterior posterior, double[] lower, double[] upper,
      int replications, long seed) {
    RandomStreams streams = new RandomStreams(seed);
    int d = lower.length;
    double[][] ranks = new double[d][replications];
    for (int k = 0; k < replications; k++) {
      RandomGenerator rng = streams.stream(k, RandomStreams.Purpose.SAMPLER);
      double[] theta = new double[d];
      for (int i = 0; i < d; i++) {
        theta[i] = lower[i] + rng.nextDouble() * (upper[i] - lower[i]);
      }
      Batch draws = posterior.sample(99, simulator.simulate(theta, rng), rng);
      for (int i = 0; i < d; i++) {
        final int j = i;
        // rank in 0..99, jittered within its unit so that the KS test sees a continuous uniform on [0, 100)
        ranks[i][k] = Arrays.stream(draws.column(i)).filter(v -> v < theta[j]).count() + rng.nextDouble();
      }
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    return Arrays.stream(ranks).mapToDouble(r -> ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 100), r))
        .toArray();
  }
}
