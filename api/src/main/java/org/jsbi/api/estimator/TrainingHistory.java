package org.jsbi.api.estimator;

import java.util.List;

/**
 * The per-epoch record of a training run, and the epoch whose weights were kept.
 *
 * @param epochs every epoch, in order
 * @param bestEpoch the 1-based epoch with the lowest validation loss, whose weights the estimator holds
 * @param supportLeak for a density fitted within a box (NPE's truncated finish): the share of q's
 *     mass outside the box, averaged over the validation rows, when the validation loss first stopped improving;
 *     NaN when not measured
 * @param finishFrom the first epoch trained as a density truncated to the box, or 0 if none was
 * @param dropEpochs the epochs after which the learning rate was dropped (and the best weights restored), in order
 */
public record TrainingHistory(List<EpochStats> epochs, int bestEpoch, double supportLeak, int finishFrom,
    List<Integer> dropEpochs) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
    dropEpochs = List.copyOf(dropEpochs);
  }

  /** A history without learning-rate drops recorded. */
  public TrainingHistory(List<EpochStats> epochs, int bestEpoch, double supportLeak, int finishFrom) {
    this(epochs, bestEpoch, supportLeak, finishFrom, List.of());
  }

  /** A history with no truncated finish and no leak measured. */
  public TrainingHistory(List<EpochStats> epochs, int bestEpoch) {
    this(epochs, bestEpoch, Double.NaN, 0);
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
        .map(e -> new EpochStats(e.epoch(), e.trainingLoss(), e.validationLoss(), 0)).toList(), bestEpoch, supportLeak,
        finishFrom, dropEpochs);
  }

  public double trainingSeconds() {
    return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).elapsedSeconds();
  }
}
