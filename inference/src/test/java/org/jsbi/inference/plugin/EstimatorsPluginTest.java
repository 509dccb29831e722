package org.jsbi.inference.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

class EstimatorsPluginTest {
  @Test
  void estimatorsAreFoundOnTheClassPathLikeModels() {
    Registry registry = Plugins.load();
    assertThat(registry.estimatorIds()).contains("maf");
    assertThat(registry.estimator("maf").description()).contains("masked autoregressive flow");
    assertThat(registry.models()).isNotEmpty(); // the simulators' plugin is on the test class path too
  }
}
