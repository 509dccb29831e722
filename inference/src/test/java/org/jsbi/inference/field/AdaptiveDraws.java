package org.jsbi.inference.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;

/** Checks the adaptive solver's draws of a trained field against fixed steps fine enough to be converged. */
public final class AdaptiveDraws {
  private AdaptiveDraws() {}

  /**
   * {@code q}'s weights restored twice, to draw by the adaptive solver at tolerance 10⁻⁶ and by 80 fixed
   * Runge–Kutta steps: from the same noise, every draw agrees to 0.002 (two solvers of one ODE), and differs from
   * the default 20 steps' draw somewhere (so that the adaptive solver did run).
   */
  public static void assertTheyFollowFixedSteps(ConditionalDensityEstimator q, EstimatorFactory factory) {
    try (ConditionalDensityEstimator adaptive = restored(q, factory, Map.of("tolerance", "1e-6"));
        ConditionalDensityEstimator fine = restored(q, factory, Map.of("steps", "80"))) {
      for (double c : new double[] {-0.5, 0.5}) {
        double[] a = draws(adaptive, c);
        double[] f = draws(fine, c);
        double[] d = draws(q, c);
        boolean differs = false;
        for (int i = 0; i < a.length; i++) {
          assertThat(a[i]).as("draw %d at c = %s, adaptive against 80 steps", i, c).isCloseTo(f[i],
              Offset.offset(0.002));
          differs |= a[i] != d[i];
        }
        assertThat(differs).as("the adaptive draws differ from the default steps' somewhere").isTrue();
      }
    }
  }

  private static double[] draws(ConditionalDensityEstimator q, double c) {
    return q.sample(2_000, new double[] {c}, new RandomStreams(5).single(RandomStreams.Purpose.SAMPLER)).column(0);
  }

  private static ConditionalDensityEstimator restored(ConditionalDensityEstimator q, EstimatorFactory factory,
      Map<String, String> set) {
    EstimatorState s = q.state();
    Map<String, String> h = new LinkedHashMap<>(s.hyperParameters());
    h.putAll(set);
    return factory.restore(new EstimatorState(s.kind(), s.inputDim(), s.conditionDim(), h, s.input(), s.condition(),
        s.weights(), s.history()));
  }
}
