package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelsCommandTest {
  @Test
  void listsTheSixModelsWithDimensionsPriorsAndDescriptions() {
    CliRun run = CliRun.of("models");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(1).map(l -> l.split("\\s+")[0]))
        .containsExactly("bernoulli-glm", "gaussian-linear", "gaussian-linear-uniform", "gaussian-mixture", "slcp",
            "two-moons");
    assertThat(run.out()).containsPattern("slcp\\s+5\\s+8\\s+BoxUniform\\(\\[-3.0, 3.0\\]\\^5\\)\\s+simple likelihood");
  }

  @Test
  void helpAndVersionWork() {
    assertThat(CliRun.of("--help").out()).contains("models").contains("simulate");
    assertThat(CliRun.of("--version").exitCode()).isZero();
  }
}
