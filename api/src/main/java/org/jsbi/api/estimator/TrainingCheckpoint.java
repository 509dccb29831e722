package org.jsbi.api.estimator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A training run's whole state at the end of an epoch, from which it continues bit-for-bit to the weights that an
 * uninterrupted run reaches: the estimator's and the optimizer's tensors, and the loop's own numbers (its best
 * loss, patience, learning-rate drops and history). The random draws are not stored: a resumed run draws again the
 * same minibatch orders and seeds for the epochs it skips, which places its generators where they were.
 *
 * @param run identifies the run: a digest of the training data, the configuration and the estimator, so that no
 *     checkpoint is resumed by another run
 * @param epoch the last epoch completed
 * @param progress the loop's numbers, by name (integers are exact as doubles)
 * @param tensors every variable of the training graph, by name
 */
public record TrainingCheckpoint(String run, int epoch, Map<String, double[]> progress, Map<String, float[]> tensors) {
  public TrainingCheckpoint {
    Objects.requireNonNull(run, "run");
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch: expected 1 or more, got " + epoch);
    }
    progress = Collections.unmodifiableMap(new LinkedHashMap<>(progress));
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }
}
