package org.jsbi.inference.checks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The simultaneous confidence band for the ECDF of N draws from U(0, 1), by the simulation method of Säilynoja,
 * Bürkner and Vehtari (2022, "Graphical test for discrete uniformity…", section 2.2): at K evaluation points z, each
 * pointwise band is a central binomial interval at level 1 − γ, with γ chosen so that the ECDF of a uniform sample
 * leaves none of them with probability α. γ is the α-quantile, over simulated uniform samples, of the smallest
 * two-sided binomial tail probability along the sample's ECDF.
 */
public final class EcdfBand {
  private EcdfBand() {}

  /**
   * @param n draws (test simulations)
   * @param alpha the band's total miss probability, e.g. 0.05
   * @param simulations uniform samples simulated to find γ
   * @param seed for the simulated samples
   * @return three arrays over the K = min(n, 100) points z = 1/K, …, 1 excluding 1: z, the lower ECDF bound and the
   *     upper one
   */
  public static double[][] of(int n, double alpha, int simulations, long seed) {
    int k = Math.min(n, 100);
    double[] z = new double[k - 1];
    for (int i = 1; i < k; i++) {
      z[i - 1] = i / (double) k;
    }
    BinomialDistribution[] binomial = new BinomialDistribution[z.length];
    for (int i = 0; i < z.length; i++) {
      binomial[i] = new BinomialDistribution(null, n, z[i]);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] smallest = new double[simulations];
    double[] u = new double[n];
    for (int s = 0; s < simulations; s++) {
      for (int i = 0; i < n; i++) {
        u[i] = rng.nextDouble();
      }
      Arrays.sort(u);
      double min = 1;
      int below = 0;
      for (int i = 0; i < z.length; i++) {
        while (below < n && u[below] <= z[i]) {
          below++;
        }
        double lowerTail = binomial[i].cumulativeProbability(below);
        double upperTail = 1 - binomial[i].cumulativeProbability(below - 1);
        min = Math.min(min, 2 * Math.min(lowerTail, upperTail));
      }
      smallest[s] = min;
    }
    Arrays.sort(smallest);
    double gamma = smallest[(int) Math.floor(alpha * (simulations - 1))];
    double[] lower = new double[z.length];
    double[] upper = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      lower[i] = binomial[i].inverseCumulativeProbability(gamma / 2) / (double) n;
      upper[i] = binomial[i].inverseCumulativeProbability(1 - gamma / 2) / (double) n;
    }
    return new double[][] {z, lower, upper};
  }
}
