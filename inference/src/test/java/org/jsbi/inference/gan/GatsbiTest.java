package org.jsbi.inference.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsbi.inference.DensityEstimatorContract.assertMoments;

import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The parts of the estimator contract that a sampler without a density can meet (GATSBI: draws, reproducibility,
 * exact restore), on the contract's known conditional Gaussians: u | c ~ N(0.8 c − 0.3, 0.5²) in 1-D and
 * N((c, −c), diag(0.5², 0.3²)) in 2-D. The moments' tolerances are the contract's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class GatsbiTest {
  private final GatsbiFactory factory = new GatsbiFactory(GatsbiSpec.defaults());
  private ConditionalDensityEstimator oneD;
  private ConditionalDensityEstimator twoD;

  @BeforeAll
  void train() {
    Batch[] d1 = DensityEstimatorContract.gaussian1d(10_000, 1);
    oneD = factory.train(d1[0], d1[1], TrainingConfig.defaults(11), TrainingListener.NONE);
    Batch[] d2 = DensityEstimatorContract.gaussian2d(10_000, 2);
    twoD = factory.train(d2[0], d2[1], TrainingConfig.defaults(12), TrainingListener.NONE);
  }

  @AfterAll
  void close() {
    oneD.close();
    twoD.close();
  }

  @Test
  void drawsHaveTheTrueConditionalsMoments() {
    for (double c : new double[] {-0.5, 0.5}) {
      Batch s = oneD.sample(20_000, new double[] {c}, new RandomStreams(7).single(RandomStreams.Purpose.SAMPLER));
      assertMoments(s.column(0), 0.8 * c - 0.3, 0.5, "1-D at c = " + c);
      Batch s2 = twoD.sample(20_000, new double[] {c}, new RandomStreams(8).single(RandomStreams.Purpose.SAMPLER));
      assertMoments(s2.column(0), c, 0.5, "2-D first coordinate at c = " + c);
      assertMoments(s2.column(1), -c, 0.3, "2-D second coordinate at c = " + c);
      assertThat(correlation(s2.column(0), s2.column(1))).as("2-D correlation at c = " + c)
          .isCloseTo(0, Offset.offset(0.15));
    }
  }

  /** No density: the estimator says so, and a caller that asks for one hears why in one line. */
  @Test
  void thereIsNoLogDensity() {
    assertThat(factory.hasLogProb()).isFalse();
    assertThat(oneD.hasLogProb()).isFalse();
    assertThat(oneD.exactLogProb()).isFalse();
    assertThatThrownBy(() -> oneD.logProb(Batch.of(new double[] {0.1}), Batch.of(new double[] {0.2})))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(GatsbiFactory.NO_DENSITY)
        .hasMessageNotContaining("\n");
  }

  @Test
  void trainingIsBitForBitReproducible() {
    DensityEstimatorContract.assertTrainingIsBitForBit(factory, TrainingConfig.defaults(21));
  }

  @Test
  void restoredStateDrawsExactlyTheSame() {
    for (ConditionalDensityEstimator q : new ConditionalDensityEstimator[] {oneD, twoD}) {
      try (ConditionalDensityEstimator copy = factory.restore(q.state())) {
        Batch a = q.sample(200, new double[] {-0.3}, new RandomStreams(8).single(RandomStreams.Purpose.SAMPLER));
        Batch b = copy.sample(200, new double[] {-0.3}, new RandomStreams(8).single(RandomStreams.Purpose.SAMPLER));
        assertThat(b).isEqualTo(a);
        assertThat(copy.history()).isEqualTo(q.history());
        assertThat(copy.state().hyperParameters()).isEqualTo(q.state().hyperParameters());
      }
    }
  }

  private static double correlation(double[] a, double[] b) {
    return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
  }
}
