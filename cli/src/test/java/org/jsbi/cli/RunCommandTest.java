package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsbi run} end to end at a small budget, checking every file it writes. */
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void writesEveryFileOfTheWorkflow() throws Exception {
    Path obs = dir.resolve("obs.csv");
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n");
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "parameter_1,parameter_2\n0.5,0.5\n");
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("run", "--model", "two-moons", "--observation", obs.toString(), "--estimator", "maf",
        "--num-simulations", "1000", "--num-samples", "500", "--num-tests", "20", "--true-parameters",
        truth.toString(), "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote:").contains("report.html").contains("observation 1:");

    List<String> samples = Files.readAllLines(out.resolve("samples.csv"));
    assertThat(samples.get(0)).isEqualTo("parameter_1,parameter_2");
    assertThat(samples).hasSize(501);
    PngAssert.assertPlot(out.resolve("pairplot.png"), 2 * 300, 2 * 300);
    // calibration ran (--num-tests 20), so its plots are written beside the others, as validate writes them
    for (String png : List.of("sbc-ranks.png", "sbc-ecdf.png", "coverage.png", "recovery.png", "contraction.png")) {
      assertThat(out.resolve(png)).exists();
    }
    PngAssert.assertPlot(out.resolve("training.png"), 800, 500);
    // L-C2ST ran at the observation, as calibration does for a posterior sampled directly
    PngAssert.assertPlot(out.resolve("lc2st.png"), 2 * 480, 440);
    JsonNode checks = new ObjectMapper().readTree(out.resolve("checks.json").toFile());
    // sbibm's observation 1 of two-moons is a draw from the model, so every check must let it through; the
    // misspecified case is CheckCommandsTest's
    assertThat(checks.path("observations").get(0).path("verdict").asText()).isEqualTo("ok");
    assertThat(checks.path("calibration").path("tests").asInt()).isEqualTo(20);
    JsonNode local = checks.path("localC2st");
    assertThat(local.path("nullTrials").asInt()).isEqualTo(100);
    assertThat(local.path("nullStatistics")).hasSize(100);
    assertThat(local.path("pValue").asDouble()).isBetween(0.0099, 1.0);
    assertThat(out.resolve("posterior").resolve("posterior.json")).exists();

    String html = Files.readString(out.resolve("report.html"));
    // Well-formed: parses as XML once the doctype line is dropped (the page is written as XHTML-compatible HTML).
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
        html.substring(html.indexOf("<html")).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Matcher refs = Pattern.compile("(src|href)=\"([^\"]*)\"").matcher(html);
    int links = 0;
    while (refs.find()) {
      if (refs.group(1).equals("src")) {
        assertThat(refs.group(2)).as("every resource is embedded").startsWith("data:");
      } else {
        links++;
        assertThat(out.resolve(refs.group(2))).as("every link is to a file of the run").exists();
      }
    }
    assertThat(links).as("links to the run's files").isGreaterThanOrEqualTo(11);
    assertThat(html).contains("data:image/png;base64").contains("alt=\"recovery.png\"")
        .contains("alt=\"lc2st.png\"").contains("L-C2ST at this observation");
    assertThat(html).contains("Verdict:").contains("Timings").contains("two-moons").contains("data:image/png;base64");
    // the settings name the learning rate the flow trained at: maf's own default
    assertThat(html).contains("Adam at learning rate 0.002, at most 1 learning-rate drop(s)");

    // The saved posterior is loadable by 'jsbi sample'.
    CliRun sample = CliRun.of("sample", "--posterior", out.resolve("posterior").toString(), "--observation",
        obs.toString(), "--num-samples", "10", "--seed", "1", "--output", dir.resolve("s.csv").toString());
    assertThat(sample.exitCode()).as(sample.err()).isZero();
  }

  /** An MCMC-sampled run records the sampler's summary, numbers and warnings in checks.json, and the NPE run none. */
  @Test
  void anMcmcRunRecordsTheSamplersDiagnostics() throws Exception {
    Path obs = dir.resolve("obs.csv");
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n");
    Path out = dir.resolve("nle-run");
    CliRun run = CliRun.of("run", "--model", "two-moons", "--method", "nle", "--observation", obs.toString(),
        "--num-simulations", "1000", "--num-samples", "400", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode sampler = new ObjectMapper().readTree(out.resolve("checks.json").toFile()).path("sampler");
    JsonNode summary = sampler.path("summary");
    assertThat(summary.get(0).asText()).startsWith("slice sampler: 400 draws, min ESS ");
    for (int i = 1; i < summary.size(); i++) {
      assertThat(summary.get(i).asText()).startsWith("warning: ");
    }
    assertThat(sampler.path("warnings").size()).isEqualTo(summary.size() - 1);
    assertThat(sampler.path("maxRHat").isNumber()).isTrue();
    assertThat(sampler.path("draws").asInt()).isEqualTo(400);
  }

  @Test
  void badInputsGiveOneLineErrors() throws IOException {
    Path obs = dir.resolve("two.csv");
    Files.writeString(obs, "data_1,data_2\n0,0\n1,1\n");
    CliRun two = CliRun.of("run", "--model", "two-moons", "--observation", obs.toString(), "--output",
        dir.resolve("r").toString());
    assertThat(two.exitCode()).isNotZero();
    assertThat(two.err()).contains("--observation:").contains("has 2 rows, expected one")
        .doesNotContain("\tat ");
    CliRun tests = CliRun.of("run", "--model", "two-moons", "--observation", obs.toString(), "--num-tests", "5",
        "--output", dir.resolve("r").toString());
    assertThat(tests.err()).contains("--num-tests: expected 0 (none) or 20 to 100000 test simulations (each draws 100 posterior samples), got 5");
  }
}
