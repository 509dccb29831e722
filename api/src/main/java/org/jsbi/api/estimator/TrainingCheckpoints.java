package org.jsbi.api.estimator;

import java.util.Optional;

/**
 * Where a training run saves its state now and then, and where a resumed run finds it. A trainer that honours
 * checkpoints asks {@link #resume} once, before its first epoch, and {@link #due} at the end of every epoch; it
 * calls {@link #save} when that says so.
 */
public interface TrainingCheckpoints {
  /** No checkpoints: nothing is saved and every run starts afresh. */
  TrainingCheckpoints NONE = new TrainingCheckpoints() {
    @Override
    public boolean due(double secondsSinceLast) {
      return false;
    }

    @Override
    public Optional<TrainingCheckpoint> resume(String run) {
      return Optional.empty();
    }

    @Override
    public void save(TrainingCheckpoint checkpoint) {
      throw new IllegalStateException("no checkpoints were asked for");
    }
  };

  /** Whether to save one at the end of this epoch, {@code secondsSinceLast} after the last save or the start. */
  boolean due(double secondsSinceLast);

  /**
   * The checkpoint that run {@code run} continues from, or empty to start afresh.
   *
   * @throws IllegalArgumentException when the checkpoint there was saved by another run
   */
  Optional<TrainingCheckpoint> resume(String run);

  /** Saves {@code checkpoint}, replacing the last one atomically: a crash leaves the old one or the new one. */
  void save(TrainingCheckpoint checkpoint);
}
