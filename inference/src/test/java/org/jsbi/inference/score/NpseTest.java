package org.jsbi.inference.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Test;

/**
 * The estimator contract for score-based diffusion (VP, probability-flow ODE), plus the reverse SDE's draws of the
 * same trained network against the truth.
 */
class NpseTest extends DensityEstimatorContract {
  @Override
  protected EstimatorFactory factory() {
    return new NpseFactory(NpseSpec.defaults());
  }

  /**
   * The same weights drawing by the reverse SDE: the moments of its draws are as close to the true conditional
   * N(0.8 c − 0.3, 0.5²) as the contract asks of the ODE's (mean within 0.15 sd, sd within 10%). They are not held to
   * the ODE's density: with a learned score, the SDE's and the probability-flow ODE's marginals differ.
   */
  @Test
  void reverseSdeDrawsHaveTheTrueConditionalsMoments() {
    try (ConditionalDensityEstimator sde = withSampler(oneD(), "sde")) {
      for (double c : new double[] {-0.5, 0.5}) {
        assertMoments(sde.sample(20_000, new double[] {c}, new RandomStreams(3).single(RandomStreams.Purpose.SAMPLER))
            .column(0), 0.8 * c - 0.3, 0.5, "SDE draws at c = " + c);
      }
    }
  }

  /** {@code q}'s weights restored to draw by {@code sampler}: the sampler is a hyper-parameter of the saved state. */
  static ConditionalDensityEstimator withSampler(ConditionalDensityEstimator q, String sampler) {
    EstimatorState s = q.state();
    Map<String, String> h = new LinkedHashMap<>(s.hyperParameters());
    h.put("sampler", sampler);
    return new NpseFactory(NpseSpec.defaults()).restore(new EstimatorState(s.kind(), s.inputDim(), s.conditionDim(),
        h, s.input(), s.condition(), s.weights(), s.history()));
  }

  /** The log-density is the ODE's with the exact divergence in low dimension, so it says it is exact. */
  @Test
  void theLogDensityIsExactInLowDimension() {
    ConditionalDensityEstimator q = oneD();
    assertThat(q.exactLogProb()).isTrue();
    Batch u = Batch.of(new double[] {-1.2}, new double[] {0.4});
    Batch c = Batch.of(new double[] {-0.5}, new double[] {0.3});
    assertThat(q.logProb(u, c)).containsExactly(q.logProb(u, c));
  }

  /** Draws by the adaptive Dormand–Prince solver agree with converged fixed steps of the same weights. */
  @Test
  void adaptiveDrawsFollowTheSameOde() {
    org.jsbi.inference.field.AdaptiveDraws.assertTheyFollowFixedSteps(oneD(), factory());
  }
}
