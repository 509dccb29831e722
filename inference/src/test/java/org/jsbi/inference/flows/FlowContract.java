package org.jsbi.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.DensityEstimatorContract;
import org.jsbi.inference.density.DensityEstimator;
import org.junit.jupiter.api.Test;

/**
 * The estimator contract, plus what every flow must satisfy: its inverse undoes its forward map to 1e-4, and weights
 * saved by an earlier revision of its graph are refused.
 */
abstract class FlowContract extends DensityEstimatorContract {
  @Test
  void weightsSavedByAnEarlierGraphAreRefused() {
    FlowSpec spec = ((FlowFactory) factory()).spec();
    Map<String, String> saved = new HashMap<>(spec.hyperParameters());
    assertThat(FlowSpec.fromHyperParameters(spec.kind(), saved)).isEqualTo(spec);
    saved.remove("revision");
    assertThatThrownBy(() -> FlowSpec.fromHyperParameters(spec.kind(), saved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision 1, this jsbi reads 2").hasMessageContaining("retrain it");
  }

  @Test
  void inverseUndoesTheForwardTransformIncludingFarTails() {
    var rng = new RandomStreams(9).single(RandomStreams.Purpose.SIMULATOR);
    Batch u = Batch.zeros(600, 3);
    Batch c = Batch.zeros(600, 2);
    for (int k = 0; k < u.data().length; k++) {
      u.data()[k] = rng.nextGaussian();
    }
    for (int k = 0; k < c.data().length; k++) {
      c.data()[k] = rng.nextGaussian();
    }
    try (var trained = factory().train(u, c, config(3).withMaxEpochs(3), TrainingListener.NONE);
        FlowMaps flow = new FlowMaps(((FlowFactory) factory()).spec(), trained.state())) {
      float[] su = DensityEstimator.standardize(u, trained.state().input());
      float[] sc = DensityEstimator.standardize(c, trained.state().condition());
      for (int k = 0; k < 60; k++) {
        su[k] *= 4f; // past the spline tail bound of 5 for some
      }
      float[] back = flow.inverse(flow.forward(su, sc, 600), sc, 600);
      for (int k = 0; k < su.length; k++) {
        assertThat((double) back[k]).as("element %d", k).isCloseTo(su[k], Offset.offset(1e-4));
      }
    }
  }

  @Test
  void oneDimensionalInverseUndoesForward() {
    int rows = 500;
    float[] u = new float[rows];
    float[] c = new float[rows];
    var rng = new RandomStreams(4).single(RandomStreams.Purpose.SAMPLER);
    for (int i = 0; i < rows; i++) {
      u[i] = (float) (2 * rng.nextGaussian());
      c[i] = (float) rng.nextGaussian();
    }
    try (FlowMaps flow = new FlowMaps(((FlowFactory) factory()).spec(), oneD().state())) {
      float[] back = flow.inverse(flow.forward(u, c, rows), c, rows);
      for (int i = 0; i < rows; i++) {
        assertThat((double) back[i]).isCloseTo(u[i], Offset.offset(1e-4));
      }
    }
  }
}
