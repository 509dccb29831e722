package org.jsbi.inference.fm;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Test;

/** The estimator contract for flow matching, plus what its ODE log-density must satisfy. */
class FmpeTest extends DensityEstimatorContract {
  @Override
  protected EstimatorFactory factory() {
    return new FmpeFactory(FmpeSpec.defaults());
  }

  /**
   * The log-density is deterministic (an ODE solved with the exact divergence, no Monte-Carlo estimate) and says so,
   * and it converges in the step count: the default 20 Runge–Kutta steps agree with 80 to well below the model's
   * own error.
   */
  @Test
  void theLogDensityIsExactUpToTheSolversSteps() {
    ConditionalDensityEstimator q = oneD();
    assertThat(q.exactLogProb()).isTrue();
    Batch u = Batch.of(new double[] {-1.2}, new double[] {-0.3}, new double[] {0.4}, new double[] {1.5});
    Batch c = Batch.of(new double[] {-0.5}, new double[] {0.0}, new double[] {0.3}, new double[] {0.9});
    double[] once = q.logProb(u, c);
    assertThat(q.logProb(u, c)).containsExactly(once);
    EstimatorState s = q.state();
    java.util.Map<String, String> h = new java.util.LinkedHashMap<>(s.hyperParameters());
    h.put("steps", "80");
    try (ConditionalDensityEstimator fine = factory().restore(new EstimatorState(s.kind(), s.inputDim(),
        s.conditionDim(), h, s.input(), s.condition(), s.weights(), s.history()))) {
      double[] finer = fine.logProb(u, c);
      for (int i = 0; i < once.length; i++) {
        assertThat(once[i]).as("log q of row %d with 20 and 80 steps", i)
            .isCloseTo(finer[i], org.assertj.core.data.Offset.offset(0.01));
      }
    }
  }

  /** Draws by the adaptive Dormand–Prince solver agree with converged fixed steps of the same weights. */
  @Test
  void adaptiveDrawsFollowTheSameOde() {
    org.jsbi.inference.field.AdaptiveDraws.assertTheyFollowFixedSteps(oneD(), factory());
  }
}
