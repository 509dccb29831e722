package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsbi.plugins.testing.PluginJars;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class SimulateCommandTest {
  @TempDir Path dir;

  @Test
  void writesHeaderAndOneRowPerSimulation() throws IOException {
    Path out = dir.resolve("s.csv");
    CliRun run = CliRun.of("simulate", "--model", "slcp", "--num-simulations", "300", "--seed", "1",
        "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2,parameter_3,parameter_4,parameter_5,"
        + "data_1,data_2,data_3,data_4,data_5,data_6,data_7,data_8");
    assertThat(lines).hasSize(301);
    assertThat(lines.get(1).split(",")).hasSize(13);
    assertThat(run.out()).contains("300 simulations: 300 valid, 0 invalid");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.csv"); // no temporary file left
    }
  }

  @Test
  void simulationsStreamToTheFileInBoundedMemory() throws Exception {
    // 3 million two-moons simulations are 96 MB of θ and x; a 40 MiB heap holds them only when they stream
    Path big = dir.resolve("big.csv");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx40m", "-cp", System.getProperty("java.class.path"),
        "org.jsbi.cli.Jsbi", "simulate", "--model", "two-moons", "--num-simulations", "3000000", "--seed", "5", "-q",
        "--output", big.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
    Path small = dir.resolve("small.csv");
    CliRun.succeeding("simulate", "--model", "two-moons", "--num-simulations", "1000", "--seed", "5", "--output",
        small.toString());
    try (var lines = Files.lines(big)) {
      assertThat(lines.count()).isEqualTo(3_000_001);
    }
    try (var lines = Files.lines(big)) {
      assertThat(lines.limit(1001).toList()).as("the same simulations, index for index")
          .isEqualTo(Files.readAllLines(small));
    }
  }

  @Test
  void oneThreadAndTwoThreadsGiveByteIdenticalFiles() throws IOException {
    Path one = dir.resolve("one.csv");
    Path two = dir.resolve("two.csv");
    CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "20000", "--seed", "1", "--threads", "1",
        "--output", one.toString());
    CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "20000", "--seed", "1", "--threads", "2",
        "--output", two.toString());
    assertThat(Files.mismatch(one, two)).isEqualTo(-1L);
    assertThat(Files.size(one)).isGreaterThan(100_000);
  }

  @Test
  void externalPluginJarIsDiscoveredThroughPluginsOption() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJars.decayPlugin(plugins, "acme.jar");
    assertThat(CliRun.of("models", "--plugins", plugins.toString()).out()).contains("acme-decay").contains("slcp");
    Path out = dir.resolve("decay.csv");
    CliRun run = CliRun.of("simulate", "--plugins", plugins.toString(), "--model", "acme-decay",
        "--num-simulations", "50", "--seed", "2", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("rate,y_0,y_1,y_2,y_3,y_4");
    assertThat(Files.readAllLines(out)).hasSize(51);
  }

  @Test
  void externalPluginJarIsDiscoveredThroughTheEnvironmentVariable() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJars.decayPlugin(plugins, "acme.jar");
    CliRun run = CliRun.withEnvironment(Map.of("JSBI_PLUGINS", plugins.toString()), "models");
    assertThat(run.out()).contains("acme-decay");
  }

  @Test
  void invalidSimulationsAreCountedAndListedNotDropped() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJars.decayPlugin(plugins, "acme.jar");
    Path out = dir.resolve("flaky.csv");
    CliRun run = CliRun.of("simulate", "--plugins", plugins.toString(), "--model", "acme-flaky",
        "--num-simulations", "400", "--seed", "3", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> invalid = Files.readAllLines(dir.resolve("flaky.invalid.csv"));
    List<String> valid = Files.readAllLines(out);
    assertThat(invalid.get(0)).isEqualTo("index,rate,reason");
    assertThat((valid.size() - 1) + (invalid.size() - 1)).isEqualTo(400);
    assertThat(invalid.size() - 1).isBetween(130, 230); // P(rate > 1) = 0.9/1.9 ≈ 0.47, two thirds of which fail
    assertThat(String.join("\n", invalid)).contains("solver diverged").contains("NaN").contains("returned 2 values");
    assertThat(run.out()).contains((invalid.size() - 1) + " invalid simulations");

    CliRun keep = CliRun.of("simulate", "--plugins", plugins.toString(), "--model", "acme-flaky",
        "--num-simulations", "400", "--seed", "3", "--invalid", "keep", "--output", out.toString());
    assertThat(keep.exitCode()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(401).anyMatch(l -> l.endsWith(",NaN"));
  }
}
