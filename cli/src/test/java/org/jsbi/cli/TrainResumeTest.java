package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsbi.api.estimator.TrainingCheckpoint;
import org.jsbi.inference.TrainingCheckpointFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run killed with kill -9 keeps its last checkpoint, refuses to be overwritten by accident, and is
 * finished by {@code train --resume} with the very weights of a run that was never stopped.
 */
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class TrainResumeTest {
  @TempDir Path dir;

  /** The test's train command; an option in {@code extra} that it already names replaces its value. */
  private static List<String> train(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--model", "two-moons", "--estimator", "maf",
        "--num-simulations", "2000", "--seed", "3", "--max-epochs", "300", "--checkpoint-interval", "0", "-q",
        "--output", out.toString()));
    for (int i = 0; i < extra.length; i++) {
      int at = args.indexOf(extra[i]);
      if (at >= 0 && i + 1 < extra.length) {
        args.set(at + 1, extra[++i]);
      } else {
        args.add(extra[i]);
      }
    }
    return args;
  }

  private static CliRun inProcess(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aKilledTrainingRunIsResumedToTheSameWeights() throws Exception {
    Path killed = dir.resolve("killed");
    KilledTraining.after(3, killed.resolve(TrainingCheckpointFile.NAME), dir.resolve("child.txt"), train(killed));
    Path checkpoint = killed.resolve(TrainingCheckpointFile.NAME);
    try (var files = Files.list(killed)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no half-written posterior, only the checkpoint")
          .containsExactly(TrainingCheckpointFile.NAME);
    }
    int epoch = TrainingCheckpointFile.read("test", checkpoint).epoch();
    byte[] saved = Files.readAllBytes(checkpoint);

    CliRun again = inProcess(train(killed));
    assertThat(again.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(again.err()).isEqualTo("jsbi: error: --output: '" + killed + "' holds the checkpoint of an "
        + "unfinished training run (training.checkpoint); pass --resume to continue it, or --force to start over\n");
    CliRun otherSeed = inProcess(train(killed, "--resume", "--seed", "4"));
    assertThat(otherSeed.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(otherSeed.err()).isEqualTo("jsbi: error: --resume: the checkpoint '" + checkpoint + "' was saved by a "
        + "run with other simulations or settings; resume with the same simulations, seed and training options, or "
        + "pass --force to start over\n");
    assertThat(Files.readAllBytes(checkpoint)).as("refusals keep the checkpoint").isEqualTo(saved);

    CliRun resumed = inProcess(train(killed, "--resume"));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).startsWith("resuming training from the checkpoint at epoch " + epoch + " in " + checkpoint
        + "\n");
    assertThat(checkpoint).as("a saved posterior replaces the checkpoint").doesNotExist();

    Path whole = dir.resolve("whole");
    CliRun uninterrupted = inProcess(train(whole));
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    assertThat(Files.readAllBytes(killed.resolve("weights.bin")))
        .as("resumed from epoch " + epoch + ", bit for bit").isEqualTo(Files.readAllBytes(whole.resolve("weights.bin")));
    assertThat(resumed.out().lines().filter(l -> l.startsWith("trained ")).findFirst().orElseThrow()
        .replaceAll(" in [0-9.]+ s", ""))
        .isEqualTo(uninterrupted.out().lines().filter(l -> l.startsWith("trained ")).findFirst().orElseThrow()
            .replaceAll(" in [0-9.]+ s", ""));
  }

  @Test
  void resumeRefusesWhatItCannotContinue() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path missing = empty.resolve(TrainingCheckpointFile.NAME);
    assertThat(inProcess(train(empty, "--resume")).err()).isEqualTo("jsbi: error: --resume: no training checkpoint "
        + "at '" + missing + "' (a run saves one every so often while it trains); train without --resume to start\n");
    assertThat(inProcess(train(empty, "--resume", "--force")).err()).isEqualTo("jsbi: error: --resume and --force: "
        + "expected at most one of them; --resume continues the run whose checkpoint --output holds, --force starts "
        + "over\n");
    assertThat(inProcess(train(empty, "--checkpoint-interval", "-1")).err()).isEqualTo("jsbi: error: "
        + "--checkpoint-interval: expected 0 or more seconds, got -1.0\n");

    Path damaged = dir.resolve("damaged");
    Path file = damaged.resolve(TrainingCheckpointFile.NAME);
    new TrainingCheckpointFile(file, 0, false).save(new TrainingCheckpoint("run", 1,
        Map.of("state", new double[] {1, 2}), Map.of("w", new float[] {3, 4})));
    assertThat(TrainingCheckpointFile.read("--resume", file).tensors().get("w")).containsExactly(3, 4);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1; // one flipped bit
    Files.write(file, bytes);
    CliRun broken = inProcess(train(damaged, "--resume"));
    assertThat(broken.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(broken.err()).isEqualTo("jsbi: error: --resume: the training checkpoint '"
        + damaged.resolve(TrainingCheckpointFile.NAME) + "' is damaged (its SHA-256 does not match); delete it and "
        + "train without --resume\n");
  }
}
