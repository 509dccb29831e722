package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.plugins.testing.PluginJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inference method the command line has never heard of, in a plugin jar built here from sources that use
 * jsbi-api alone (test resources under method-plugin/): listed, trained, saved, loaded, sampled, checked, validated,
 * run and benchmarked by the unchanged commands.
 */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodPluginTest {
  private static final String OBSERVATION = "../examples/two-moons/observation.csv";
  @TempDir static Path dir;
  private String plugins;
  private Path posterior;

  @BeforeAll
  void buildTheJarAndTrain() throws IOException {
    Path jars = Files.createDirectories(dir.resolve("plugins"));
    PluginJars.build(jars, "importance.jar", "method-plugin/", List.of("org/acme/importance/ImportancePlugin.java",
        "org/acme/importance/ImportanceMethod.java", "org/acme/importance/ImportancePosterior.java"),
        "org.acme.importance.ImportancePlugin");
    plugins = jars.toString();
    posterior = dir.resolve("posterior");
    CliRun trained = CliRun.succeeding("train", "--plugins", plugins, "--model", "two-moons", "--method",
        "nle-importance", "--option", "draws=30", "--num-simulations", "2000", "--max-epochs", "40", "-q",
        "--output", posterior.toString());
    assertThat(trained.out()).contains("trained maf (nle-importance)");
  }

  @Test
  void itIsListedAndItsOptionsAreChecked() {
    assertThat(CliRun.succeeding("methods", "--plugins", plugins).out()).contains("nle-importance maf        NLE's "
        + "likelihood, sampled by importance resampling of prior draws (a plugin)")
        .contains("--option draws=…: prior draws per posterior sample (default 20)");
    assertThat(CliRun.of("train", "--plugins", plugins, "--model", "two-moons", "--method", "nle-importance",
        "--option", "draws=0", "--num-simulations", "100", "--output", dir.resolve("never").toString()).err())
        .isEqualTo("jsbi: error: --option draws: expected a positive whole number, got '0'\n");
  }

  @Test
  void itIsSavedWithItsSettingsAndLoadedBackToSample() throws IOException {
    String json = Files.readString(posterior.resolve("posterior.json"));
    assertThat(json).contains("\"method\" : \"nle-importance\"").contains("\"draws\" : \"30\"");
    Path samples = dir.resolve("samples.csv");
    CliRun.succeeding("sample", "--plugins", plugins, "--posterior", posterior.toString(), "--observation",
        OBSERVATION, "--num-samples", "400", "-q", "--output", samples.toString());
    List<String> lines = Files.readAllLines(samples);
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2");
    assertThat(lines).hasSize(401);
    CliRun without = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", OBSERVATION,
        "--num-samples", "10", "--output", dir.resolve("none.csv").toString());
    assertThat(without.err()).startsWith("jsbi: error: --posterior: " + posterior.resolve("posterior.json")
        + " was saved by method 'nle-importance', which no loaded plugin registers: unknown method");
  }

  @Test
  void checkValidateRunAndBenchTakeItUnchanged() throws IOException {
    CliRun check = CliRun.succeeding("check", "--plugins", plugins, "--posterior", posterior.toString(),
        "--observation", OBSERVATION, "--num-simulations", "500", "--num-samples", "100");
    assertThat(check.out()).contains("observation 1:").contains("mmd");
    CliRun validate = CliRun.succeeding("validate", "--plugins", plugins, "--posterior", posterior.toString(),
        "--num-tests", "20", "--num-samples", "50", "--output", dir.resolve("validation").toString());
    assertThat(validate.out()).contains("SBC parameter_1");
    Path run = dir.resolve("run");
    CliRun.succeeding("run", "--plugins", plugins, "--model", "two-moons", "--method", "nle-importance",
        "--observation", OBSERVATION, "--num-simulations", "1000", "--num-samples", "300", "--num-tests", "0", "-q",
        "--output", run.toString());
    assertThat(Files.readString(run.resolve("report.html"))).contains("nle-importance: NLE")
        .contains("draws");
    Path bench = dir.resolve("bench.csv");
    CliRun.succeeding("bench", "--plugins", plugins, "--method", "nle-importance", "--tasks", "two-moons",
        "--budgets", "500", "--observations", "1", "--num-samples", "200", "--output", bench.toString());
    assertThat(Files.readAllLines(bench).get(1)).startsWith("two-moons,500,1,");
  }
}
