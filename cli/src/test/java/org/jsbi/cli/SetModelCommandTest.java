package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose data are a set of trials (gaussian-trials, 1 to 50 trials of 2 values), from the command line: the
 * deep-set embedding chosen for it, observations written one row per trial, and the one-line refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetModelCommandTest {
  @TempDir static Path dir;
  private Path posterior;

  @BeforeAll
  void train() {
    posterior = dir.resolve("posterior");
    CliRun run = CliRun.of("train", "--model", "gaussian-trials", "--num-simulations", "500", "--max-epochs", "3",
        "--seed", "1", "--output", posterior.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void embeddingsAreListedAndADeepSetIsChosenForASetModel() throws Exception {
    CliRun list = CliRun.of("embeddings");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("deepset").contains("mlp").contains("for a set of trials");
    String saved = Files.readString(posterior.resolve("posterior.json"));
    assertThat(saved).contains("\"embedding\" : \"deepset\"").contains("\"embeddingShape\" : \"trials:1:50:1:2\"");
  }

  @Test
  void observationsWrittenOneRowPerTrialAreSampled() throws Exception {
    Path obs = dir.resolve("obs.csv");
    Files.writeString(obs, "observation,trial,x_2,x_1\n1,1,-0.20,0.31\n1,2,0.41,1.12\n1,3,0.10,0.50\n2,1,0.07,-0.50\n");
    Path out = dir.resolve("samples.csv");
    CliRun run = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "20", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("observation,theta_1,theta_2");
    assertThat(lines).hasSize(41);
    assertThat(lines.get(40)).startsWith("2,");
  }

  /** check runs the MMD in the deep set's features too, and writes each observation's features. */
  @Test
  void checkUsesAndWritesTheEmbedding() throws Exception {
    Path obs = dir.resolve("one.csv");
    Files.writeString(obs, "trial,x_1,x_2\n1,0.31,-0.20\n2,1.12,0.41\n");
    Path out = dir.resolve("checks");
    CliRun run = CliRun.of("check", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-simulations", "300", "--num-samples", "50", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("mmd-embedding");
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.resolve("checks.json").toFile());
    assertThat(json.path("observations").get(0).path("embedding")).hasSize(8);
    // the set is compared with simulated sets of its own size, and its predictive plot is drawn per channel
    assertThat(json.path("observations").get(0).path("checks").get(0).path("detail").asText())
        .endsWith("on sets cut to their first 2 trials");
    java.awt.image.BufferedImage ppc = javax.imageio.ImageIO.read(out.resolve("ppc-observation-1.png").toFile());
    assertThat(ppc.getWidth()).as("two channel panels side by side").isEqualTo(2 * 520);
  }

  @Test
  void badSetsAndMismatchedEmbeddingsAreRefusedInOneLine() throws Exception {
    Path gap = dir.resolve("gap.csv");
    Files.writeString(gap, "trial,x_1,x_2\n1,0.3,0.1\n3,0.2,0.4\n");
    CliRun gapped = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", gap.toString(),
        "--num-samples", "5", "--output", dir.resolve("g.csv").toString());
    assertThat(gapped.exitCode()).isNotZero();
    assertThat(gapped.err()).contains("observation 1 has trials [1, 3], expected 1 to 2 each once")
        .doesNotContain("\tat ");
    StringBuilder many = new StringBuilder("trial,x_1,x_2\n");
    for (int k = 1; k <= 51; k++) {
      many.append(k).append(",0.1,0.2\n");
    }
    Path big = dir.resolve("big.csv");
    Files.writeString(big, many.toString());
    CliRun tooMany = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", big.toString(),
        "--num-samples", "5", "--output", dir.resolve("b.csv").toString());
    assertThat(tooMany.err()).contains("observation 1 has 51 trials, expected 1 to 50");
    // the cVAE takes the deep set as the flows do
    CliRun cvae = CliRun.of("train", "--model", "gaussian-trials", "--estimator", "cvae", "--num-simulations", "100",
        "--max-epochs", "1", "--output", dir.resolve("cvae").toString());
    assertThat(cvae.exitCode()).as(cvae.err()).isZero();
    CliRun vector = CliRun.of("train", "--model", "two-moons", "--embedding", "deepset", "--num-simulations", "100",
        "--output", dir.resolve("tm").toString());
    assertThat(vector.err()).contains("--embedding: 'deepset' does not read the data of model 'two-moons', a "
        + "vector of 2");
    CliRun unknown = CliRun.of("train", "--model", "two-moons", "--embedding", "lstm", "--num-simulations", "100",
        "--output", dir.resolve("u.csv").toString());
    assertThat(unknown.err()).contains("--embedding: unknown embedding 'lstm'; known embeddings: cnn1d, cnn2d, deepset, gru, mlp, set-attention");
  }
}
