package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --method nre-c}, {@code sample} and {@code inspect} on its posterior, and what it refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class NreCommandsTest {
  @TempDir static Path dir;
  private Path posterior;

  @BeforeAll
  void train() {
    posterior = dir.resolve("nre");
    // No --estimator: the ratio methods' default is the ratio classifier.
    CliRun run = CliRun.of("train", "--model", "two-moons", "--method", "nre-c", "--option", "classes=3",
        "--num-simulations", "1000", "--seed", "1", "--max-epochs", "10", "--output", posterior.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("trained ratio (nre-c)");
  }

  @Test
  void samplesByMcmcAndSaysWhatItIs() throws IOException {
    Path obs = dir.resolve("obs.csv");
    Files.writeString(obs, "data_1,data_2\n-0.64,0.16\n");
    Path out = dir.resolve("samples.csv");
    CliRun run = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("slice sampler").contains("R-hat");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2");
    assertThat(lines).hasSize(201);
    CliRun sir = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--proposal", "prior", "--output", out.toString());
    assertThat(sir.exitCode()).as(sir.err()).isZero();
    assertThat(sir.out()).contains("proposals from the prior").contains("effective sample size");
    assertThat(Files.readAllLines(out)).hasSize(201);
    CliRun inspect = CliRun.of("inspect", posterior.toString());
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("nre-c {\"classes\":\"3\",\"gamma\":\"1.0\"}")
        .contains("sampled by MCMC").doesNotContain("surrogate");
  }

  @Test
  void validateScoresTheClassifier() throws IOException {
    Path report = dir.resolve("validation");
    CliRun run = CliRun.of("validate", "--posterior", posterior.toString(), "--num-tests", "20", "--num-samples",
        "50", "--seed", "3", "--output", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("ratio classifier on 1000 held-out pairs: accuracy 0\\.\\d{3} .*, balance "
        + "[+-]\\d\\.\\d{3} ");
    assertThat(Files.readString(report.resolve("calibration.json"))).contains("\"classifier\"")
        .contains("\"accuracy\"");
  }

  @Test
  void refusesADensityEstimatorAndARatioElsewhere() {
    CliRun maf = CliRun.of("train", "--model", "two-moons", "--method", "nre-c", "--estimator", "maf",
        "--num-simulations", "100", "--output", dir.resolve("x").toString());
    assertThat(maf.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(maf.err()).startsWith("jsbi: error: --estimator: nre-c trains a ratio classifier, got masked "
        + "autoregressive flow").doesNotContain("\tat ");
    CliRun npe = CliRun.of("train", "--model", "two-moons", "--estimator", "ratio", "--num-simulations", "100",
        "--output", dir.resolve("y").toString());
    assertThat(npe.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(npe.err()).startsWith("jsbi: error: --estimator: NPE draws θ from a conditional density estimator");
    CliRun classes = CliRun.of("train", "--model", "two-moons", "--method", "nre-b", "--option", "classes=1",
        "--num-simulations", "100", "--output", dir.resolve("z").toString());
    assertThat(classes.err()).isEqualTo("jsbi: error: --option classes: expected 2 to 100, got 1\n");
  }
}
