package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsbi check} and {@code jsbi validate} end to end on a small two-moons posterior. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class CheckCommandsTest {
  @TempDir static Path dir;
  private Path posterior;

  @BeforeAll
  void train() {
    posterior = dir.resolve("posterior");
    CliRun run = CliRun.of("train", "--model", "two-moons", "--estimator", "maf", "--num-simulations", "2000",
        "--seed", "1", "--max-epochs", "30", "--output", posterior.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void checkGivesAVerdictPerObservationAndWritesJson() throws IOException {
    Path obs = dir.resolve("obs.csv");
    // sbibm's observation 1, and a point no two-moons simulation comes near.
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n4.0,-4.0\n");
    Path out = dir.resolve("checks");
    CliRun run = CliRun.of("check", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-simulations", "1000", "--num-samples", "200", "--local-c2st", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("observation 1: ok").contains("observation 2: misspecified")
        .contains("typicality").contains("mmd").contains("prior-predictive");
    JsonNode json = new ObjectMapper().readTree(out.resolve("checks.json").toFile());
    assertThat(json.path("observations").get(0).path("verdict").asText()).isEqualTo("ok");
    assertThat(json.path("observations").get(1).path("verdict").asText()).isEqualTo("misspecified");
    assertThat(json.path("batch").path("pValue").asDouble()).isBetween(0.0, 1.0);
    // two data dimensions: a panel each and the legend, in one row
    PngAssert.assertPlot(out.resolve("ppc-observation-1.png"), 3 * 300, 170);
    // L-C2ST per observation: its result, or null where the posterior could not be sampled
    assertThat(run.out()).contains("observation 1: L-C2ST at this observation");
    assertThat(json.path("localC2st")).hasSize(2);
    assertThat(json.path("localC2st").get(0).path("pValue").asDouble()).isBetween(0.0099, 1.0);
    PngAssert.assertPlot(out.resolve("lc2st-observation-1.png"), 2 * 480, 440);
  }

  @Test
  void checksInTheLearnedEmbeddingSpaceWhenThereIsOne() throws IOException {
    Path embedded = dir.resolve("embedded");
    assertThat(CliRun.of("train", "--model", "two-moons", "--estimator", "maf", "--embedding-dim", "2",
        "--num-simulations", "500", "--seed", "1", "--max-epochs", "5", "--output", embedded.toString())
        .exitCode()).isZero();
    Path obs = dir.resolve("obs-e.csv");
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n");
    CliRun run = CliRun.of("check", "--posterior", embedded.toString(), "--observation", obs.toString(),
        "--num-simulations", "300", "--num-samples", "50", "--embedding-space");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("mmd-embedding");
  }

  @Test
  void validateReportsCalibration() throws IOException {
    Path out = dir.resolve("validation");
    CliRun run = CliRun.of("validate", "--posterior", posterior.toString(), "--num-tests", "40", "--num-samples",
        "50", "--c2st", "1", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("SBC parameter_1").contains("HPD coverage p-value").contains("TARP p-value")
        .contains("C2ST against the exact posterior, observation 1:").contains("rank-based coverage");
    JsonNode json = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
    assertThat(json.path("sbc").get(0).path("ranks")).hasSize(40);
    assertThat(json.path("tarp").path("curve")).hasSize(21);
    assertThat(json.path("rankCoverage").get(1).path("curve")).hasSize(21);
    assertThat(json.path("c2st").get(0).asDouble()).isBetween(0.4, 1.0);
    PngAssert.assertPlot(out.resolve("sbc-ranks.png"), 800, 500);
    PngAssert.assertPlot(out.resolve("sbc-ecdf.png"), 800, 560);
    PngAssert.assertPlot(out.resolve("coverage.png"), 640, 760);
    PngAssert.assertPlot(out.resolve("recovery.png"), 2 * 380, 380);
    PngAssert.assertPlot(out.resolve("contraction.png"), 2 * 380, 380);
  }

  @Test
  void badInputsGiveOneLineErrors() throws IOException {
    Path wide = dir.resolve("wide.csv");
    Files.writeString(wide, "a,b,c\n1,2,3\n");
    CliRun wrong = CliRun.of("check", "--posterior", posterior.toString(), "--observation", wide.toString());
    assertThat(wrong.exitCode()).isNotZero();
    assertThat(wrong.err()).contains("--observation").contains("has columns a,b,c: unknown").doesNotContain("\tat ");
    Path obs = dir.resolve("one.csv");
    Files.writeString(obs, "data_1,data_2\n0,0\n");
    CliRun few = CliRun.of("check", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-simulations", "100");
    assertThat(few.err()).contains("--num-simulations: expected at least 250 reference simulations");
    CliRun embedding = CliRun.of("check", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--embedding-space");
    assertThat(embedding.err()).contains("--embedding-space: this posterior has no embedding network");
    Path nle = dir.resolve("nle");
    assertThat(CliRun.of("train", "--model", "two-moons", "--method", "nle", "--num-simulations", "300",
        "--max-epochs", "2", "--output", nle.toString()).exitCode()).isZero();
    CliRun local = CliRun.of("check", "--posterior", nle.toString(), "--observation", obs.toString(),
        "--local-c2st");
    assertThat(local.err()).contains("--local-c2st: expected an amortized posterior sampled directly (NPE), got "
        + "nle sampled by MCMC").doesNotContain("\tat ");
    CliRun tests = CliRun.of("validate", "--posterior", posterior.toString(), "--num-tests", "5");
    assertThat(tests.err()).contains("--num-tests: expected at least 20 test simulations, got 5");
  }
}
