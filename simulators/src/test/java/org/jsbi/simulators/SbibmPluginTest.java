package org.jsbi.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Model;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

class SbibmPluginTest {
  @Test
  void theSixTasksAndTheStressTestAreFoundOnTheClassPathWithTheirDimensions() {
    Registry registry = Plugins.load();
    assertThat(registry.models()).extracting(Model::id).containsExactly("bernoulli-glm", "gaussian-blob", "gaussian-linear",
        "gaussian-linear-distractors", "gaussian-linear-uniform", "gaussian-mixture", "gaussian-trials", "logistic-growth", "ornstein-uhlenbeck", "slcp",
        "two-moons");
    assertThat(registry.model("gaussian-linear-distractors").dataDim()).isEqualTo(100);
    assertThat(registry.model("slcp").parameterDim()).isEqualTo(5);
    assertThat(registry.model("slcp").dataDim()).isEqualTo(8);
    assertThat(registry.model("bernoulli-glm").dataDim()).isEqualTo(10);
    assertThat(registry.model("two-moons").parameterNames()).containsExactly("parameter_1", "parameter_2");
    assertThat(registry.model("two-moons").dataNames()).containsExactly("data_1", "data_2");
    assertThat(registry.pluginOf("two-moons")).isEqualTo(SbibmPlugin.class.getName());
  }

  @Test
  void analyticOrExactlySampleableTasksCarryAReferencePosterior() {
    Registry registry = Plugins.load();
    for (String id : new String[] {"gaussian-linear", "gaussian-linear-uniform", "two-moons", "gaussian-mixture"}) {
      assertThat(registry.model(id).referencePosterior()).as(id).isPresent();
    }
    assertThat(registry.model("slcp").referencePosterior()).isEmpty();
    assertThat(registry.model("bernoulli-glm").referencePosterior()).isEmpty();
  }
}
