package org.jsbi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.inference.TrainingCheckpointFile;
import picocli.CommandLine.Option;

/** How often {@code train} and {@code run} save the checkpoint of their training, which {@code --resume} uses. */
final class CheckpointOptions {
  @Option(names = "--checkpoint-interval", defaultValue = "30", paramLabel = "SECONDS", description = "Least time "
      + "between two checkpoints of the training, saved in --output as " + TrainingCheckpointFile.NAME + " for "
      + "--resume (default ${DEFAULT-VALUE}; 0 saves after every epoch).")
  double interval;

  void check() {
    if (!(interval >= 0 && interval < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("--checkpoint-interval: expected 0 or more seconds, got " + interval);
    }
  }

  /**
   * Checkpoints saved to {@code file} and, when {@code resume}, continued from the one there, which is checked whole
   * first; says so on {@code out}.
   */
  TrainingCheckpoints in(Path file, boolean resume, PrintWriter out) {
    if (resume) {
      int epoch = TrainingCheckpointFile.read("--resume", file).epoch();
      out.println("resuming training from the checkpoint at epoch " + epoch + " in " + file);
    }
    return new TrainingCheckpointFile(file, interval, resume, "--resume", "pass --force to start over");
  }
}
