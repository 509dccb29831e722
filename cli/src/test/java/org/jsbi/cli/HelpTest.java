package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command's --help is accurate and ends with an example. */
class HelpTest {
  private static final String[] COMMANDS = {"models", "estimators", "simulate", "train", "sample", "check",
      "validate", "run", "bench"};

  @Test
  void everyHelpShowsAnExampleAndTheSameSeedRule() {
    for (String command : COMMANDS) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).as(command).contains("Example:\n  jsbi " + command);
      if (help.out().contains("--seed")) {
        assertThat(help.out()).as(command).containsPattern("Random seed \\(default 1\\)|Base seed \\(default 1\\)");
      }
    }
  }

  @Test
  void listingCommandsOfferNoProgressOptionAndRunNamesEveryFile() {
    assertThat(CliRun.of("models", "--help").out()).doesNotContain("--quiet");
    assertThat(CliRun.of("estimators", "--help").out()).doesNotContain("--quiet");
    assertThat(CliRun.of("train", "--help").out()).contains("--quiet");
    assertThat(CliRun.of("run", "--help").out().replaceAll("\\s+", " ")).contains("samples.csv, pairplot.png, "
        + "training.png, ppc.png, checks.json, the calibration plots when calibration ran, report.html");
  }

  @Test
  void benchUsageNamesEachListOptionOnce() {
    String usage = CliRun.of("bench", "--help").out();
    assertThat(usage).contains("--budgets=N1,N2,...").doesNotContain("[--budgets=");
    assertThat(usage.replaceAll("\\s+", "")).contains("--tasks=T1,T2,...").doesNotContain("[--tasks=");
  }
}
