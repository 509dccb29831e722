package org.jsbi.inference.flows;

import org.jsbi.api.estimator.EstimatorFactory;

class MafTest extends FlowContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.maf());
  }
}
