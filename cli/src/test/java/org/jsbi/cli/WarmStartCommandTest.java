package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --warm-start}: continues a saved posterior with its own method and estimator, leaves it as it was,
 * and refuses flags that would change what it continues before anything is simulated.
 */
class WarmStartCommandTest {
  @TempDir Path dir;

  @Test
  void aSavedNlePosteriorIsContinuedWithItsOwnMethodAndEstimator() throws Exception {
    Path first = dir.resolve("first");
    CliRun.succeeding("train", "--model", "two-moons", "--method", "nle", "--estimator", "nsf",
        "--num-simulations", "600", "--max-epochs", "3", "--seed", "1", "-q", "--output", first.toString());
    byte[] before = Files.readAllBytes(first.resolve("weights.bin"));
    Path second = dir.resolve("second");
    CliRun run = CliRun.succeeding("train", "--model", "two-moons", "--warm-start", first.toString(),
        "--num-simulations", "600", "--max-epochs", "3", "--seed", "2", "--output", second.toString());
    assertThat(run.out()).contains("trained nsf (nle)");
    assertThat(Files.readAllBytes(first.resolve("weights.bin"))).isEqualTo(before);
    assertThat(Files.readAllBytes(second.resolve("weights.bin"))).isNotEqualTo(before);
    assertThat(Files.readString(second.resolve("posterior.json"))).contains("\"method\" : \"nle\"");

    CliRun otherEstimator = CliRun.of("train", "--model", "two-moons", "--warm-start", first.toString(),
        "--estimator", "maf", "--num-simulations", "600", "--output", dir.resolve("third").toString());
    assertThat(otherEstimator.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(otherEstimator.err()).isEqualTo("jsbi: error: --estimator: expected the warm start's estimator, "
        + "'nsf', got 'maf'; drop --estimator or start afresh without --warm-start\n");
    CliRun otherModel = CliRun.of("train", "--model", "gaussian-linear", "--warm-start", first.toString(),
        "--num-simulations", "600", "--output", dir.resolve("fourth").toString());
    assertThat(otherModel.err()).isEqualTo("jsbi: error: --warm-start: '" + first + "' holds a posterior of model "
        + "'two-moons', expected one of 'gaussian-linear' (--model); continue a posterior of the same model\n");
    assertThat(dir.resolve("third")).doesNotExist();
    CliRun otherSpace = CliRun.of("train", "--model", "two-moons", "--warm-start", first.toString(),
        "--theta-space", "original", "--num-simulations", "600", "--output", dir.resolve("fifth").toString());
    assertThat(otherSpace.err()).startsWith("jsbi: error: --option or --theta-space: a warm start keeps the settings "
        + "of the posterior it continues");
  }
}
