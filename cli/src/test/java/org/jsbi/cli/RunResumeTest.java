package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory says whether it is finished; an interrupted one is finished by --resume, as if never stopped. */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class RunResumeTest {
  @TempDir Path dir;

  private CliRun run(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--model", "two-moons", "--observation",
        "../examples/two-moons/observation.csv", "--estimator", "maf", "--num-simulations", "500", "--num-samples",
        "300", "--num-tests", "0", "--output", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void anInterruptedRunIsRecognizedAndFinishedByResume() throws IOException {
    Path out = dir.resolve("run");
    CliRun first = run(out);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"status\" : \"complete\"");
    byte[] samples = Files.readAllBytes(out.resolve("samples.csv"));

    CliRun again = run(out);
    assertThat(again.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(again.err()).isEqualTo("jsbi: error: --output: '" + out + "' already exists and is not empty; pass "
        + "--force to replace what it holds, or choose a new directory\n");
    assertThat(run(out, "--resume").err()).isEqualTo("jsbi: error: --resume: the run in '" + out + "' is complete; "
        + "nothing to resume (pass --force to run it again)\n");

    // as kill -9 after sampling leaves it: the posterior and samples written, the marker still "running"
    Path marker = out.resolve("run.json");
    Files.writeString(marker, Files.readString(marker).replace("\"complete\"", "\"running\""));
    Files.delete(out.resolve("report.html"));
    Files.delete(out.resolve("samples.csv"));
    assertThat(run(out, "--resume", "--seed", "9").err()).isEqualTo("jsbi: error: --resume: the run in '" + out
        + "' was started with --seed 1, not 9; resume with the same arguments, or pass --force to start again\n");
    CliRun resumed = run(out, "--resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming: loaded the posterior saved in " + out.resolve("posterior"));
    assertThat(Files.readAllBytes(out.resolve("samples.csv"))).isEqualTo(samples);
    assertThat(out.resolve("report.html")).exists();
    assertThat(Files.readString(marker)).contains("\"status\" : \"complete\"");

    CliRun forced = run(out, "--force", "--seed", "2");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("samples.csv"))).isNotEqualTo(samples);
  }

  @Test
  void aRunKilledWhileTrainingContinuesFromItsCheckpoint() throws Exception {
    Path killed = dir.resolve("killed");
    List<String> args = new java.util.ArrayList<>(List.of("run", "--model", "two-moons", "--observation",
        "../examples/two-moons/observation.csv", "--estimator", "maf", "--num-simulations", "2000", "--num-samples",
        "300", "--num-tests", "0", "--checkpoint-interval", "0", "-q", "--output", killed.toString()));
    Path checkpoint = killed.resolve("training.checkpoint");
    KilledTraining.after(3, checkpoint, dir.resolve("child.txt"), args);
    assertThat(Files.readString(killed.resolve("run.json"))).contains("\"status\" : \"running\"");
    args.add("--resume");
    CliRun resumed = CliRun.of(args.toArray(String[]::new));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming training from the checkpoint at epoch");
    assertThat(checkpoint).doesNotExist();

    Path whole = dir.resolve("whole");
    args.set(args.indexOf(killed.toString()), whole.toString());
    args.remove("--resume");
    CliRun uninterrupted = CliRun.of(args.toArray(String[]::new));
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    assertThat(Files.readAllBytes(killed.resolve("posterior/weights.bin")))
        .isEqualTo(Files.readAllBytes(whole.resolve("posterior/weights.bin")));
    assertThat(Files.readAllBytes(killed.resolve("samples.csv"))).isEqualTo(Files.readAllBytes(whole.resolve(
        "samples.csv")));
  }

  @Test
  void forceReplacesOnlyARunDirectory() throws IOException {
    Path other = Files.createDirectories(dir.resolve("thesis"));
    Files.writeString(other.resolve("chapter1.tex"), "precious");
    CliRun run = run(other, "--force");
    assertThat(run.err()).isEqualTo("jsbi: error: --force: '" + other + "' is not a jsbi run directory (it has no "
        + "run.json); --force replaces only a run, so choose a new --output\n");
    assertThat(Files.readString(other.resolve("chapter1.tex"))).isEqualTo("precious");
  }

  @Test
  void aHandEditedPosteriorIsRefusedByTheCommandLine() throws IOException {
    Path posterior = dir.resolve("p");
    assertThat(CliRun.of("train", "--model", "two-moons", "--num-simulations", "300", "--seed", "1", "--max-epochs",
        "2", "--output", posterior.toString()).exitCode()).isZero();
    Path meta = posterior.resolve("posterior.json");
    Files.writeString(meta, Files.readString(meta).replace("\"method\" : \"npe\"", "\"method\" : \"nle\""));
    CliRun sample = CliRun.of("sample", "--posterior", posterior.toString(), "--observation",
        "../examples/two-moons/observation.csv", "--num-samples", "10", "--seed", "1", "--output",
        dir.resolve("s.csv").toString());
    assertThat(sample.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(sample.err()).isEqualTo("jsbi: error: --posterior: " + meta + " was changed after it was saved (its "
        + "SHA-256 does not match checksums.sha256); a hand-edited posterior is refused: train it again, or restore "
        + "the saved directory\n");
    assertThat(dir.resolve("s.csv")).doesNotExist();
  }
}
