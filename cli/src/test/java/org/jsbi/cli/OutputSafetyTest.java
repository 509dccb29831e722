package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsbi.api.io.DirectoryLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No lost work: outputs are claimed and checked before any simulation or training, and never silently replaced. */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class OutputSafetyTest {
  @TempDir Path dir;

  private static void assertRefused(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(run.err()).isEqualTo("jsbi: error: " + message + "\n");
  }

  private CliRun train(Path output, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--model", "two-moons", "--num-simulations",
        "300", "--max-epochs", "2", "--output", output.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--seed")) {
      args.addAll(List.of("--seed", "1"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void anExistingPosteriorIsReplacedOnlyWithForce() throws IOException {
    Path out = dir.resolve("posterior");
    assertThat(train(out).exitCode()).isZero();
    byte[] before = Files.readAllBytes(out.resolve("weights.bin"));
    assertRefused(train(out, "--seed", "2"), "--output: '" + out + "' already exists and is not empty; pass --force "
        + "to replace what it holds, or choose a new directory");
    assertThat(Files.readAllBytes(out.resolve("weights.bin"))).isEqualTo(before);
    CliRun forced = train(out, "--seed", "2", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("weights.bin"))).isNotEqualTo(before);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("posterior");
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstHoldsTheDirectory() throws IOException {
    Path out = dir.resolve("busy");
    try (DirectoryLock held = DirectoryLock.acquire("--output", out)) {
      assertRefused(train(out), "--output: '" + out + "' is in use by another jsbi command (locked through "
          + DirectoryLock.lockFile(out) + "); wait for it to finish, or choose another directory");
      CliRun store = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "10", "--seed", "1",
          "--store", out.toString());
      assertThat(store.err()).startsWith("jsbi: error: --store: '" + out + "' is in use by another jsbi command");
    }
    assertThat(out).doesNotExist();
    assertThat(train(out).exitCode()).isZero();
    assertThat(DirectoryLock.lockFile(out)).doesNotExist();
  }

  @Test
  void trainingArgumentsAreCheckedBeforeAnySimulation() {
    // a billion simulations would take hours: each refusal must come first, in well under a second of work
    String[][] cases = {
        {"--learning-rate", "-1", "--learning-rate: expected a positive number, got -1.0"},
        {"--learning-rate", "NaN", "--learning-rate: expected a positive number, got NaN"},
        {"--batch-size", "0", "--batch-size: expected a positive integer, got 0"},
        {"--lr-drops", "-2", "--lr-drops: expected 0 or more, got -2"},
        {"--patience", "0", "--patience: expected a positive integer, got 0"}};
    for (String[] c : cases) {
      CliRun run = CliRun.of("train", "--model", "two-moons", "--num-simulations", "1000000000", "--seed", "1",
          c[0], c[1], "--output", dir.resolve("never").toString());
      assertRefused(run, c[2]);
    }
    CliRun nle = CliRun.of("train", "--model", "two-moons", "--num-simulations", "1000000000", "--method", "nle",
        "--estimator", "fmpe", "--output", dir.resolve("never").toString());
    assertRefused(nle, "--estimator: NLE samples its posterior by MCMC, which evaluates the learned likelihood "
        + "thousands of times, and the log-density of flow matching integrates an ODE on every call (minutes for "
        + "1,000 draws); use maf, nsf or coupling for NLE");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void anOutputBelowAFileIsRefusedBeforeSimulating() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CliRun run = CliRun.of("train", "--model", "two-moons", "--num-simulations", "1000000000", "--seed", "1",
        "--output", file.resolve("posterior").toString());
    assertRefused(run, "--output: cannot write '" + file.resolve("posterior") + "': permission denied or not a "
        + "directory at '" + file + "'; choose a writable path");
  }

  @Test
  void hugeCountsAreRefusedWithTheLimitInsteadOfOverflowing() {
    CliRun run = CliRun.of("run", "--model", "two-moons", "--observation", "../examples/two-moons/observation.csv",
        "--num-tests", "2000000000", "--output", dir.resolve("run").toString());
    assertRefused(run, "--num-tests: expected 0 (none) or 20 to 100000 test simulations (each draws 100 posterior "
        + "samples), got 2000000000");
    assertThat(dir.resolve("run")).doesNotExist();
    Path posterior = dir.resolve("p");
    assertThat(train(posterior).exitCode()).isZero();
    run = CliRun.of("sample", "--posterior", posterior.toString(), "--observation",
        "../examples/two-moons/observation.csv", "--num-samples", "2000000000", "--seed", "1", "--output",
        dir.resolve("s.csv").toString());
    assertRefused(run, "--num-samples: expected at most 1,073,741,819 (one array holds at most 2,147,483,639 "
        + "values, and each row has 2 parameters), got 2,000,000,000; split the work into several runs");
  }

  @Test
  void outOfMemoryIsOneLineThatSaysWhatHelps() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
        "org.jsbi.cli.Jsbi", "train", "--model", "two-moons", "--num-simulations", "50000000", "--seed", "1",
        "--threads", "1", "--output", dir.resolve("big").toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(p.exitValue()).as(err).isEqualTo(Jsbi.EXIT_FAILURE);
    assertThat(err.lines().filter(l -> !l.isBlank()).toList()).hasSize(1);
    assertThat(err).startsWith("jsbi: error: out of memory (Java heap space; the Java heap may grow to ")
        .contains("JSBI_JAVA_OPTS=-Xmx").contains("--chunk-size");
    assertThat(dir.resolve("big")).doesNotExist();
  }
}
