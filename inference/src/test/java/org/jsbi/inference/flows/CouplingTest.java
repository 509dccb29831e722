package org.jsbi.inference.flows;

import org.jsbi.api.estimator.EstimatorFactory;

class CouplingTest extends FlowContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.coupling());
  }
}
