package org.jsbi.inference.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The variance-exploding process on the contract's 1-D conditional Gaussian, u = 0.8 c − 0.3 + 0.5 ε: its density
 * integrates to one and is close to the truth, and both samplers' draws have the truth's moments within the
 * contract's tolerances.
 */
@Tag("slow") // trains a network
class NpseVarianceExplodingTest {
  @Test
  void fitsAConditionalGaussianAndDrawsFromItByOdeAndSde() {
    Batch[] d = DensityEstimatorContract.gaussian1d(10_000, 1);
    Batch u = d[0];
    Batch c = d[1];
    NpseSpec ve = NpseSpec.varianceExploding();
    try (ConditionalDensityEstimator ode = new NpseFactory(ve).train(u, c, TrainingConfig.defaults(11),
        TrainingListener.NONE);
        ConditionalDensityEstimator sde = NpseTest.withSampler(ode, "sde")) {
      assertThat(ode.state().hyperParameters()).containsEntry("process", "ve");
      Batch grid = Batch.zeros(4001, 1);
      for (int i = 0; i < 4001; i++) {
        grid.set(i, 0, -6 + i * 0.003);
      }
      double mass = Arrays.stream(ode.logProb(grid, Batch.of(new double[] {0.2}))).map(Math::exp).sum() * 0.003;
      assertThat(mass).as("integral of q(u | c = 0.2) on a grid").isCloseTo(1, Offset.offset(0.02));

      double kl = 0;
      Batch[] test = DensityEstimatorContract.gaussian1d(2000, 2);
      Batch tu = test[0];
      Batch tc = test[1];
      double[] lp = ode.logProb(tu, tc);
      for (int i = 0; i < lp.length; i++) {
        kl += (new NormalDistribution(0.8 * tc.get(i, 0) - 0.3, 0.5).logDensity(tu.get(i, 0)) - lp[i]) / lp.length;
      }
      assertThat(kl).as("KL(p ‖ q) estimate, nats").isLessThan(0.02);

      for (double at : new double[] {-0.5, 0.5}) {
        DensityEstimatorContract.assertMoments(ode.sample(20_000, new double[] {at}, new RandomStreams(3).single(
            RandomStreams.Purpose.SAMPLER)).column(0), 0.8 * at - 0.3, 0.5, "ODE draws at c = " + at);
        DensityEstimatorContract.assertMoments(sde.sample(20_000, new double[] {at}, new RandomStreams(4).single(
            RandomStreams.Purpose.SAMPLER)).column(0), 0.8 * at - 0.3, 0.5, "SDE draws at c = " + at);
      }
    }
  }
}
