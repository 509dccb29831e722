package org.jsbi.api.estimator;

/** Receives one call per training epoch, for progress bars and loss plots. */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = epoch -> {};

  void epochEnded(EpochStats epoch);
}
