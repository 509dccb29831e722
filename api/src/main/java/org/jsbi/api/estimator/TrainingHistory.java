package org.jsbi.api.estimator;

import java.util.List;

/**
 * The per-epoch record of a training run, and the epoch whose weights were kept.
 *
 * @param epochs every epoch, in order
 * @param bestEpoch the 1-based epoch with the lowest validation loss, whose weights the estimator holds
 */
public record TrainingHistory(List<EpochStats> epochs, int bestEpoch) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  public int epochCount() {
    return epochs.size();
  }

  public double bestValidationLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(bestEpoch - 1).validationLoss();
  }

  /** The same history with every elapsed time set to 0, for comparing runs. */
  public TrainingHistory withoutTimings() {
    return new TrainingHistory(epochs.stream()
        .map(e -> new EpochStats(e.epoch(), e.trainingLoss(), e.validationLoss(), 0)).toList(), bestEpoch);
  }

  public double trainingSeconds() {
    return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).elapsedSeconds();
  }
}
