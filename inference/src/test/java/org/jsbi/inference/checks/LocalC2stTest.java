package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.inference.ConjugateNormal;
import org.junit.jupiter.api.Test;

/**
 * L-C2ST against the exact posterior of the conjugate model, N(4x/5, I/5): it keeps its level at the exact posterior
 * and rejects one that is twice too narrow.
 */
class LocalC2stTest {
  private final Model model = ConjugateNormal.model();

  @Test
  void theExactPosteriorPassesAndAnOverconfidentOneIsRejected() {
    double[] xo = {0.8, -0.4};
    try (LocalC2st exact = LocalC2st.fit(new Exact(1.0), model, 1000, 39, 1);
        LocalC2st narrow = LocalC2st.fit(new Exact(0.5), model, 1000, 39, 1)) {
      LocalC2stResult good = exact.test(xo, 1000, 2);
      LocalC2stResult bad = narrow.test(xo, 1000, 2);
      System.out.println(good.inWords() + ", epochs " + good.epochs());
      System.out.println(bad.inWords() + ", epochs " + bad.epochs());
      assertThat(good.pValue()).as("p at the exact posterior").isGreaterThan(0.05);
      assertThat(bad.pValue()).as("p at a posterior twice too narrow").isLessThan(0.05);
      assertThat(bad.statistic()).isGreaterThan(good.statistic());
      assertThat(good.nullStatistics()).hasSize(39);
      assertThat(good.pp().cdf()[0]).isZero();
      assertThat(good.pp().cdf()[200]).isEqualTo(1.0);
    }
  }

  /** The exact posterior N(4x/5, I/5) with its spread multiplied by {@code scale}. */
  record Exact(double scale) implements Posterior {
    @Override
    public String modelId() {
      return "conjugate-normal";
    }

    @Override
    public List<String> parameterNames() {
      return List.of("theta1", "theta2");
    }

    @Override
    public int dataDim() {
      return 2;
    }

    @Override
    public PosteriorSamples sample(int n, double[] x, long seed) {
      RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
      Batch s = Batch.zeros(n, 2);
      double sd = scale / Math.sqrt(5);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 2; j++) {
          s.set(i, j, 0.8 * x[j] + sd * rng.nextGaussian());
        }
      }
      return new PosteriorSamples(s, n, 0);
    }

    @Override
    public double[] logProb(Batch theta, double[] x) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double[] map(double[] x, long seed) {
      return new double[] {0.8 * x[0], 0.8 * x[1]};
    }

    @Override
    public void close() {}
  }
}
