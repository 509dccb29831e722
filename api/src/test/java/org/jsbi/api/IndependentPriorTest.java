package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class IndependentPriorTest extends PriorContract {
  private static final RealDistribution[] MARGINALS = {
    new NormalDistribution(1, 2),
    new LogNormalDistribution(0, 0.5),
    new GammaDistribution(2, 1.5),
    new BetaDistribution(2, 5),
    new UniformRealDistribution(-3, 1),
    new WeibullDistribution(1.5, 2) // no fast path: sampled by inverse CDF
  };

  @Override
  Prior prior() {
    return Priors.independent(MARGINALS);
  }

  @Override
  double[] trueMean() {
    return java.util.Arrays.stream(MARGINALS).mapToDouble(RealDistribution::getNumericalMean).toArray();
  }

  @Override
  double[] trueVariance() {
    return java.util.Arrays.stream(MARGINALS).mapToDouble(RealDistribution::getNumericalVariance).toArray();
  }

  @Test
  void eachMarginalPassesAKolmogorovSmirnovTestAgainstItsCdf() {
    Batch s = prior().sample(5000, new RandomStreams(4).single(RandomStreams.Purpose.PRIOR));
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int j = 0; j < MARGINALS.length; j++) {
      assertThat(ks.kolmogorovSmirnovTest(MARGINALS[j], s.column(j))).as("KS p-value of dim %d", j)
          .isGreaterThan(1e-3);
    }
  }

  @Test
  void logDensityIsTheSumOfMarginalLogDensities() {
    double[] theta = {0.3, 1.2, 2.0, 0.4, -1, 1.1};
    double expected = 0;
    for (int j = 0; j < MARGINALS.length; j++) {
      expected += Math.log(MARGINALS[j].density(theta[j]));
    }
    assertThat(prior().logDensity(theta)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-10));
  }

  @Test
  void outsideAnyMarginalsSupportIsOutsideTheSupport() {
    double[] theta = {0.3, -1.0, 2.0, 0.4, -1, 1.1}; // log-normal needs a positive value
    assertThat(prior().inSupport(theta)).isFalse();
    assertThat(prior().logDensity(theta)).isEqualTo(Double.NEGATIVE_INFINITY);
  }
}
