package org.jsbi.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Test;

class NsfTest extends DensityEstimatorContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.nsf());
  }

  @Test
  void inverseUndoesTheForwardTransformInsideAndInTheTails() {
    var rng = new RandomStreams(9).single(RandomStreams.Purpose.SIMULATOR);
    Batch u = Batch.zeros(600, 3);
    Batch c = Batch.zeros(600, 2);
    for (int k = 0; k < u.data().length; k++) {
      u.data()[k] = rng.nextGaussian();
    }
    for (int k = 0; k < c.data().length; k++) {
      c.data()[k] = rng.nextGaussian();
    }
    try (FlowEstimator flow = (FlowEstimator) factory().train(u, c, config(3).withMaxEpochs(3),
        TrainingListener.NONE)) {
      float[] su = FlowEstimator.standardize(u, flow.state().input());
      float[] sc = FlowEstimator.standardize(c, flow.state().condition());
      for (int k = 0; k < 30; k++) {
        su[k] *= 2.5f; // push some values past the tail bound of 3
      }
      float[] back = flow.inverse(flow.forward(su, sc, 600), sc, 600);
      for (int k = 0; k < su.length; k++) {
        assertThat((double) back[k]).as("element %d", k).isCloseTo(su[k], org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }
}
