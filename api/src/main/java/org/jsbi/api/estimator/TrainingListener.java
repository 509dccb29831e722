package org.jsbi.api.estimator;

import java.util.Objects;

/**
 * Receives one call per training epoch, for progress bars and loss plots. A listener may also carry the {@link
 * TrainingCheckpoints} that the run saves to and resumes from; a resumed run first replays the epochs it skips.
 */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = epoch -> {};

  void epochEnded(EpochStats epoch);

  /** Where the run saves checkpoints and finds the one to resume from; none by default. */
  default TrainingCheckpoints checkpoints() {
    return TrainingCheckpoints.NONE;
  }

  /** {@code listener}, saving to and resuming from {@code checkpoints}. */
  static TrainingListener checkpointed(TrainingListener listener, TrainingCheckpoints checkpoints) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(checkpoints, "checkpoints");
    return new TrainingListener() {
      @Override
      public void epochEnded(EpochStats epoch) {
        listener.epochEnded(epoch);
      }

      @Override
      public TrainingCheckpoints checkpoints() {
        return checkpoints;
      }
    };
  }
}
