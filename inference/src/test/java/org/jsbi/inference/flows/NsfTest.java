package org.jsbi.inference.flows;

import org.jsbi.api.estimator.EstimatorFactory;

class NsfTest extends FlowContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.nsf());
  }
}
