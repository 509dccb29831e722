package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsbi.plugins.testing.PluginJars;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsbi simulate --executor spark --master local[2]}: embedded Spark, the same bytes as a local run. */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class SparkExecutorCommandTest {
  @TempDir Path dir;

  private CliRun simulate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "simulate";
    System.arraycopy(args, 0, all, 1, args.length);
    CliRun run = CliRun.of(all);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  void aPluginModelOnSparkWritesTheSameCsvAndInvalidListAsALocalRun() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJars.decayPlugin(plugins, "acme.jar");
    Path local = dir.resolve("local.csv");
    Path spark = dir.resolve("spark.csv");
    simulate("--plugins", plugins.toString(), "--model", "acme-flaky", "--num-simulations", "900", "--seed", "3",
        "--invalid", "keep", "--output", local.toString());
    CliRun run = simulate("--plugins", plugins.toString(), "--model", "acme-flaky", "--num-simulations", "900",
        "--seed", "3", "--invalid", "keep", "--executor", "spark", "--master", "local[2]", "--chunk-size", "100",
        "--output", spark.toString());
    assertThat(run.out()).contains("on Spark local[2]");
    assertThat(Files.readAllBytes(spark)).isEqualTo(Files.readAllBytes(local));
    assertThat(Files.readAllBytes(dir.resolve("spark.invalid.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("local.invalid.csv")));
  }

  @Test
  void aSparkCampaignInAStoreResumesToTheSameCsv() throws IOException {
    Path plain = dir.resolve("plain.csv");
    simulate("--model", "slcp", "--num-simulations", "2000", "--seed", "4", "--output", plain.toString());
    Path store = dir.resolve("campaign");
    Path viaSpark = dir.resolve("spark.csv");
    simulate("--model", "slcp", "--num-simulations", "2000", "--seed", "4", "--executor", "spark", "--master",
        "local[2]", "--store", store.toString(), "--chunk-size", "300", "--output", viaSpark.toString());
    assertThat(Files.readAllBytes(viaSpark)).isEqualTo(Files.readAllBytes(plain));
    Files.delete(store.resolve("chunk-00000002.csv"));
    Path resumed = dir.resolve("resumed.csv");
    simulate("--model", "slcp", "--num-simulations", "2000", "--seed", "4", "--executor", "spark", "--master",
        "local[2]", "--store", store.toString(), "--resume", "--output", resumed.toString());
    assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void badExecutorArgumentsGiveOneLineErrors() {
    String out = dir.resolve("x.csv").toString();
    CliRun unknown = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--executor", "mapreduce", "--output", out);
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err())
        .startsWith("jsbi: error: --executor: expected 'local' or 'spark', got 'mapreduce'");
    CliRun masterAlone = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--master", "local[2]", "--output", out);
    assertThat(masterAlone.err()).startsWith("jsbi: error: --master: applies to --executor spark");
    CliRun threads = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--executor", "spark", "--master", "local[2]", "--threads", "4", "--output", out);
    assertThat(threads.err()).startsWith("jsbi: error: --threads: applies to --executor local");
    CliRun noMaster = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
        "--executor", "spark", "--output", out);
    assertThat(noMaster.exitCode()).isNotZero();
    assertThat(noMaster.err()).startsWith("jsbi: error: --master: expected a Spark master URL")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnreachableMasterEndsInOneLineAfterTheConnectTimeout() throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // the --add-opens that Spark needs on Java 17, as this test JVM got them
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-")).forEach(command::add);
    command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "org.jsbi.cli.Jsbi",
        "simulate", "--model", "two-moons", "--num-simulations", "10", "--executor", "spark", "--master",
        "spark://127.0.0.1:1", "--connect-timeout", "4", "--output", dir.resolve("never.csv").toString()));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(30);
    java.util.List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("jsbi: error: --master: no Spark executor ran a task within "
        + "4 s at 'spark://127.0.0.1:1'; check that the master is running and reachable and has workers, or raise "
        + "--connect-timeout");
    assertThat(output).doesNotContain("\tat ");
    assertThat(lines).allMatch(l -> l.startsWith("spark: ") || l.startsWith("jsbi: "));
    assertThat(dir.resolve("never.csv")).doesNotExist();
  }
}
