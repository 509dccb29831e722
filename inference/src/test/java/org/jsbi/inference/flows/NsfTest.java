package org.jsbi.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.jsbi.api.estimator.EstimatorFactory;
import org.junit.jupiter.api.Test;

class NsfTest extends FlowContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.nsf());
  }

  @Test
  void weightsSavedByAnEarlierCouplingGraphAreRefused() {
    Map<String, String> saved = new HashMap<>(FlowSpec.nsf().hyperParameters());
    assertThat(FlowSpec.fromHyperParameters("nsf", saved)).isEqualTo(FlowSpec.nsf());
    saved.remove("revision");
    assertThatThrownBy(() -> FlowSpec.fromHyperParameters("nsf", saved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision 1, this jsbi reads 2").hasMessageContaining("retrain it");
  }
}
