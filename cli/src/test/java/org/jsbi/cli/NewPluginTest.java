package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin project written by {@code jsbi new-plugin} builds on its own with Maven against the installed jsbi (its
 * test runs the simulator checks), and its jar, loaded with --plugins, trains and samples a posterior. The project
 * builds against this build's jsbi artifacts, installed in a local repository of its own
 * ({@link JsbiMavenRepository}), so {@code mvn verify} suffices on a fresh machine.
 */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class NewPluginTest {
  @TempDir Path dir;

  @Test
  void aNewPluginProjectBuildsAndItsModelIsInferred() throws Exception {
    Path project = dir.resolve("growth");
    CliRun created = CliRun.succeeding("new-plugin", "growth", "--output", project.toString());
    assertThat(created.out()).startsWith("wrote the plugin project " + project + " (7 files) for model 'growth'");

    Path repository = JsbiMavenRepository.create(dir.resolve("m2"));
    Process build = new ProcessBuilder(JsbiMavenRepository.mvn(repository, "package")).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("mvn.txt").toFile()).start();
    assertThat(build.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(Files.readString(dir.resolve("mvn.txt"))).isZero();
    assertThat(project.resolve("target/surefire-reports/TEST-org.example.growth.GrowthSimulatorTest.xml")).exists();

    String plugins = project.resolve("target").toString();
    assertThat(CliRun.succeeding("models", "--plugins", plugins).out()).contains("growth");
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "r,K\n0.8,100\n");
    Path sims = dir.resolve("one.csv");
    CliRun.succeeding("simulate", "--plugins", plugins, "--model", "growth", "--parameters", truth.toString(),
        "--seed", "3", "--output", sims.toString());
    List<String> lines = Files.readAllLines(sims);
    String[] header = lines.get(0).split(",");
    String[] row = lines.get(1).split(",");
    Path observation = dir.resolve("observation.csv");
    Files.writeString(observation, String.join(",", Arrays.copyOfRange(header, 2, header.length)) + "\n"
        + String.join(",", Arrays.copyOfRange(row, 2, row.length)) + "\n");

    Path posterior = dir.resolve("posterior");
    CliRun.succeeding("train", "--plugins", plugins, "--model", "growth", "--num-simulations", "2000", "--max-epochs",
        "30", "-q", "--output", posterior.toString());
    Path samples = dir.resolve("samples.csv");
    // no --plugins: posterior.json records the plugin jar (path and SHA-256), which is still there
    assertThat(Files.readString(posterior.resolve("posterior.json"))).contains("\"plugin\"")
        .contains("growth-0.1.0.jar");
    CliRun.succeeding("sample", "--posterior", posterior.toString(), "--observation", observation.toString(),
        "--num-samples", "500", "-q", "--output", samples.toString());
    List<String> drawn = Files.readAllLines(samples);
    assertThat(drawn.get(0)).isEqualTo("r,K");
    assertThat(drawn).hasSize(501);
    // the posterior concentrates around the θ that made the observation (the prior spans r 0.2–1.5, K 20–200)
    double[] mean = new double[2];
    for (String l : drawn.subList(1, drawn.size())) {
      String[] v = l.split(",");
      mean[0] += Double.parseDouble(v[0]) / 500;
      mean[1] += Double.parseDouble(v[1]) / 500;
    }
    assertThat(mean[0]).isBetween(0.6, 1.0);
    assertThat(mean[1]).isBetween(75.0, 125.0);

    Path jar = project.resolve("target/growth-0.1.0.jar").toAbsolutePath().normalize();
    Files.move(project.resolve("target"), project.resolve("moved"));
    CliRun lost = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", observation.toString(),
        "--num-samples", "500", "-q", "--output", dir.resolve("lost.csv").toString());
    assertThat(lost.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(lost.err()).matches("jsbi: error: --posterior: model 'growth' was trained from the plugin jar "
        + java.util.regex.Pattern.quote(jar.toString()) + " \\(SHA-256 [0-9a-f]{12}…\\), which is no longer "
        + "there or has changed; pass --plugins with the directory of the jar that registers 'growth'\n");
    CliRun.succeeding("sample", "--plugins", project.resolve("moved").toString(), "--posterior",
        posterior.toString(), "--observation", observation.toString(), "--num-samples", "100", "-q", "--output",
        dir.resolve("found.csv").toString());
  }

  @Test
  void badNamesAreRefused() {
    assertThat(CliRun.of("new-plugin", "Bad Name", "--output", dir.resolve("x").toString()).err())
        .startsWith("jsbi: error: ID: ");
    assertThat(CliRun.of("new-plugin", "growth", "--package", "Org.Example", "--output",
        dir.resolve("y").toString()).err()).isEqualTo("jsbi: error: --package: expected a Java package name in "
        + "lower case such as org.example.growth, got 'Org.Example'\n");
  }
}
