package org.jsbi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsbi.inference.mcmc.McmcResult;
import org.junit.jupiter.api.Test;

class LikelihoodFromCodeTest {
  @Test
  void theReadmeNleExampleRuns() throws Exception {
    McmcResult run = LikelihoodFromCode.twoMoons(2000, 1);
    assertThat(run.samples().rows()).isEqualTo(1000);
    assertThat(Arrays.stream(run.samples().data()).allMatch(v -> v > -1 && v < 1)).as("inside the prior box").isTrue();
    assertThat(run.summary()).contains("slice sampler").contains("R-hat");
  }
}
