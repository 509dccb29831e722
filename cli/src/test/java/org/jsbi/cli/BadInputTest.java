package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsbi.plugins.testing.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gives a one-line error naming the problem, a non-zero exit, and no stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private static void assertOneLineError(CliRun run, String... fragments) {
    assertThat(run.exitCode()).isNotZero();
    String first = run.err().lines().findFirst().orElse("");
    for (String f : fragments) {
      assertThat(first).contains(f);
    }
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(run.err().lines().count()).isLessThanOrEqualTo(2);
  }

  private String out() {
    return dir.resolve("s.csv").toString();
  }

  @Test
  void unknownModelListsTheKnownModels() {
    CliRun run = CliRun.of("simulate", "--model", "three-moons", "--num-simulations", "10", "--seed", "1",
        "--output", out());
    assertOneLineError(run, "unknown model 'three-moons'", "two-moons", "gaussian-linear", "slcp");
  }

  @Test
  void negativeNumberOfSimulations() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "-5", "--seed", "1",
        "--output", out());
    assertOneLineError(run, "--num-simulations", "expected a positive integer", "got -5");
  }

  @Test
  void nonNumericNumberOfSimulations() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "many", "--seed", "1",
        "--output", out());
    assertOneLineError(run, "--num-simulations", "many");
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
  }

  @Test
  void unknownThetaSpaceOrThetaSpaceForNle() {
    CliRun run = CliRun.of("train", "--model", "two-moons", "--num-simulations", "100", "--seed", "1",
        "--theta-space", "logit", "--output", dir.resolve("p").toString());
    assertOneLineError(run, "--theta-space", "expected 'original', 'unconstrained', 'truncated' or 'auto', got 'logit'");
    run = CliRun.of("train", "--model", "two-moons", "--method", "nle", "--num-simulations", "100", "--seed", "1",
        "--theta-space", "unconstrained", "--output", dir.resolve("p").toString());
    assertOneLineError(run, "--theta-space", "NPE only", "use method npe");
  }

  @Test
  void negativeLearningRateDrops() {
    CliRun run = CliRun.of("train", "--model", "two-moons", "--num-simulations", "100", "--seed", "1",
        "--lr-drops", "-1", "--output", dir.resolve("p").toString());
    assertOneLineError(run, "--lr-drops", "expected 0 or more, got -1");
  }

  @Test
  void zeroThreads() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--threads", "0", "--output", out());
    assertOneLineError(run, "--threads", "got 0");
  }

  @Test
  void unwritableOutputPathFailsBeforeSimulating() {
    String path = dir.resolve("no/such/dir/s.csv").toString();
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--output", path);
    assertOneLineError(run, "--output", "does not exist");
  }

  @Test
  void outputPathThatIsADirectory() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--output", dir.toString());
    assertOneLineError(run, "--output", "directory");
  }

  @Test
  void malformedPluginJarNamesTheJar() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    Path jar = PluginJars.malformed(plugins, "broken.jar");
    CliRun run = CliRun.of("models", "--plugins", plugins.toString());
    assertOneLineError(run, jar.toString(), "not a readable jar");
  }

  @Test
  void missingPluginDirectory() {
    CliRun run = CliRun.of("models", "--plugins", dir.resolve("absent").toString());
    assertOneLineError(run, "absent", "does not exist");
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
  }

  @Test
  void emptyPluginDirectoryIsABadArgumentNamedByItsSource() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    CliRun run = CliRun.of("models", "--plugins", empty.toString());
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(run.err()).isEqualTo("jsbi: error: --plugins: plugin directory '" + empty + "' contains no .jar "
        + "files; put plugin jars there or drop the option\n");
    run = CliRun.withEnvironment(java.util.Map.of("JSBI_PLUGINS", empty.toString()), "models");
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(run.err()).startsWith("jsbi: error: $JSBI_PLUGINS: plugin directory '" + empty + "'");
  }

  @Test
  void thePluginDirectoryNamedTwiceIsLoadedOnce() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("twice"));
    PluginJars.decayPlugin(plugins, "acme.jar");
    CliRun run = CliRun.withEnvironment(java.util.Map.of("JSBI_PLUGINS", plugins.toString()), "models",
        "--plugins", plugins.toString(), "--plugins", dir.resolve("twice/../twice").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("decay");
  }

  @Test
  void missingRequiredOption() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--seed", "1", "--output", out());
    assertOneLineError(run, "--num-simulations");
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
  }

  @Test
  void unknownInvalidPolicy() {
    CliRun run = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--invalid", "drop", "--output", out());
    assertOneLineError(run, "--invalid", "'exclude' or 'keep'", "'drop'");
  }

  @Test
  void verboseShowsTheStackTrace() {
    CliRun run = CliRun.of("simulate", "--model", "three-moons", "--num-simulations", "10", "--seed", "1",
        "--output", out(), "--verbose");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("unknown model").contains("\tat ");
  }
}
