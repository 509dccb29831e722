package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsbi.inference.TrainingCheckpointFile;

/** A jsbi command run in a child JVM and killed with SIGKILL while it trains, as kill -9 would. */
final class KilledTraining {
  private KilledTraining() {}

  /**
   * Runs {@code args} in a child JVM (its output to {@code log}) and kills it once {@code checkpoint} holds an epoch
   * of at least {@code epoch}; fails if the child ends first.
   */
  static void after(int epoch, Path checkpoint, Path log, List<String> args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.jsbi.cli.Jsbi"));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int saved = 0;
    while (saved < epoch && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      if (Files.exists(checkpoint)) {
        saved = TrainingCheckpointFile.read("test", checkpoint).epoch();
      }
    }
    assertThat(p.isAlive()).as("the child is still training: " + Files.readString(log)).isTrue();
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }
}
