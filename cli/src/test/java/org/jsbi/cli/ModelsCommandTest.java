package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelsCommandTest {
  @Test
  void listsTheBundledModelsWithDimensionsPriorsAndDescriptions() {
    CliRun run = CliRun.of("models");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(1).map(l -> l.split("\\s+")[0])).containsExactly("bernoulli-glm", "gaussian-blob",
        "gaussian-linear", "gaussian-linear-distractors", "gaussian-linear-uniform", "gaussian-mixture", "gaussian-trials",
        "logistic-growth", "ornstein-uhlenbeck", "slcp", "two-moons");
    assertThat(run.out()).containsPattern("slcp\\s+5\\s+8\\s+BoxUniform\\(\\[-3.0, 3.0\\]\\^5\\)\\s+simple likelihood");
  }

  @Test
  void helpAndVersionWork() {
    assertThat(CliRun.of("--help").out()).contains("models").contains("simulate");
    assertThat(CliRun.of("--version").exitCode()).isZero();
  }

  /** picocli formats descriptions with String.format and, on a stray '%', warns on System.err and prints raw text. */
  @ParameterizedTest
  @ValueSource(strings = {"models", "estimators", "simulate", "train", "sample", "check", "validate", "run", "bench",
      "new-plugin", "methods", "inspect"})
  void everyCommandsHelpFormatsWithoutWarnings(String command) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRun run;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      run = CliRun.of(command, "--help");
    } finally {
      System.setErr(original);
    }
    assertThat(run.exitCode()).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8) + run.err()).doesNotContain("WARN");
    if (command.equals("train") || command.equals("bench")) {
      assertThat(run.out().replaceAll("\\s+", " ")).contains("at least 15% of its mass");
    }
  }
}
