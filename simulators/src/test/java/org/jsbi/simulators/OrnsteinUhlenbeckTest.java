package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.jsbi.api.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The Ornstein–Uhlenbeck time series: its simulator against the process's stationary moments, and its exact grid
 * posterior by simulation-based calibration, which is how the reference posterior was checked.
 */
@org.junit.jupiter.api.Tag("slow") // 200 grid posteriors: not in the fast subset (docs/development.md)
class OrnsteinUhlenbeckTest {
  @Test
  void simulationsHaveTheStationaryVarianceAndLagOneCorrelation() {
    OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck();
    RandomGenerator rng = new RandomStreams(1).single(RandomStreams.Purpose.SIMULATOR);
    double kappa = 0.5;
    double sigma = 1.2;
    double sum = 0;
    double sq = 0;
    double lag = 0;
    int n = 0;
    for (int i = 0; i < 400; i++) {
      double[] x = ou.simulate(new double[] {kappa, sigma}, rng);
      for (int t = 0; t < x.length; t++) {
        sum += x[t];
        sq += x[t] * x[t];
        lag += t > 0 ? x[t] * x[t - 1] : 0;
        n++;
      }
    }
    double variance = sq / n - (sum / n) * (sum / n);
    // stationary variance σ² / (2κ) = 1.44; lag-1 correlation e^{−κ} = 0.607 (400 series of 100 steps)
    assertThat(variance).isCloseTo(1.44, org.assertj.core.data.Offset.offset(0.06));
    assertThat(lag / (n - 400) / variance).isCloseTo(Math.exp(-kappa), org.assertj.core.data.Offset.offset(0.02));
  }

  /**
   * Simulation-based calibration of the grid posterior: for θ from the prior and x from the simulator, θ's rank
   * among 99 posterior draws is uniform exactly when the posterior is right; 200 replications, KS test per
   * parameter.
   */
  @Test
  void theGridPosteriorIsCalibrated() {
    double[] p = ReferenceSbc.pValues(new OrnsteinUhlenbeck(), new OrnsteinUhlenbeck.Posterior(),
        OrnsteinUhlenbeck.LOWER, OrnsteinUhlenbeck.UPPER, 200, 2);
    for (int i = 0; i < p.length; i++) {
      System.out.printf("ornstein-uhlenbeck grid posterior: SBC KS p-value of parameter %d: %.3f%n", i + 1, p[i]);
      assertThat(p[i]).as("KS p-value of the ranks of parameter %d", i + 1).isGreaterThan(1e-3);
    }
  }

}
