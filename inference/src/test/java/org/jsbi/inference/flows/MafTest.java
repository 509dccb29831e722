package org.jsbi.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.inference.DensityEstimatorContract;
import org.junit.jupiter.api.Test;

class MafTest extends DensityEstimatorContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.maf());
  }

  @Test
  void inverseUndoesTheForwardTransform() {
    FlowEstimator flow = (FlowEstimator) oneD();
    int rows = 500;
    float[] u = new float[rows];
    float[] c = new float[rows];
    var rng = new RandomStreams(4).single(RandomStreams.Purpose.SAMPLER);
    for (int i = 0; i < rows; i++) {
      u[i] = (float) (2 * rng.nextGaussian());
      c[i] = (float) rng.nextGaussian();
    }
    float[] back = flow.inverse(flow.forward(u, c, rows), c, rows);
    for (int i = 0; i < rows; i++) {
      assertThat((double) back[i]).isCloseTo(u[i], org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void multiDimensionalInverseUndoesForward() {
    Batch[] d = new Batch[2];
    var rng = new RandomStreams(9).single(RandomStreams.Purpose.SIMULATOR);
    d[0] = Batch.zeros(600, 4);
    d[1] = Batch.zeros(600, 3);
    for (int k = 0; k < d[0].data().length; k++) {
      d[0].data()[k] = rng.nextGaussian();
    }
    for (int k = 0; k < d[1].data().length; k++) {
      d[1].data()[k] = rng.nextGaussian();
    }
    try (FlowEstimator flow = (FlowEstimator) factory().train(d[0], d[1], config(3).withMaxEpochs(3),
        org.jsbi.api.estimator.TrainingListener.NONE)) {
      float[] u = FlowEstimator.standardize(d[0], flow.state().input());
      float[] c = FlowEstimator.standardize(d[1], flow.state().condition());
      float[] back = flow.inverse(flow.forward(u, c, 600), c, 600);
      for (int k = 0; k < u.length; k++) {
        assertThat((double) back[k]).isCloseTo(u[k], org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }
}
