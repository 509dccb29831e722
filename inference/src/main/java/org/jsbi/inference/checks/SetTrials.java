package org.jsbi.inference.checks;

import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;

/**
 * The trials of sets laid out as {@link DataShape#trials}: what the data-space checks of a set model compare. A
 * set's row holds N, its trials and zeros past the N-th; compared as whole rows, sets would differ mostly by N and by
 * where the padding starts, not by what their trials look like. A set's trials share one θ, so a set is compared
 * with simulated sets of the same size, never its trials with trials pooled over many θ.
 */
final class SetTrials {
  private SetTrials() {}

  /** The real trials of {@code set}: N rows of the shape's channels. */
  static Batch of(double[] set, DataShape shape) {
    int n = shape.trialCount(set);
    int c = shape.channels();
    double[] values = new double[n * c];
    System.arraycopy(set, 1, values, 0, n * c);
    return Batch.wrap(n, c, values);
  }

  /**
   * The sets of {@code sets} with {@code n} trials or more, each cut to its first n and flattened: [rows, n ·
   * channels]. The first n of a set's i.i.d. trials are exactly a set of n trials for its θ, so a set of n trials and
   * these are exchangeable when they come from the same model.
   */
  static Batch cut(Batch sets, DataShape shape, int n) {
    int c = shape.channels();
    int rows = 0;
    for (int i = 0; i < sets.rows(); i++) {
      rows += shape.trialCount(sets.row(i)) >= n ? 1 : 0;
    }
    double[] values = new double[rows * n * c];
    int at = 0;
    for (int i = 0; i < sets.rows(); i++) {
      double[] row = sets.row(i);
      if (shape.trialCount(row) >= n) {
        System.arraycopy(row, 1, values, at, n * c);
        at += n * c;
      }
    }
    return Batch.wrap(rows, n * c, values);
  }

  /**
   * Trials pooled from {@code sets}: at most {@code perSet} from each (its first ones, a set of i.i.d. trials in
   * simulated order), so that every set, and so every θ, contributes.
   */
  static Batch pooled(Batch sets, DataShape shape, int perSet) {
    int c = shape.channels();
    int total = 0;
    for (int i = 0; i < sets.rows(); i++) {
      total += Math.min(perSet, shape.trialCount(sets.row(i)));
    }
    double[] values = new double[total * c];
    int at = 0;
    for (int i = 0; i < sets.rows(); i++) {
      double[] row = sets.row(i);
      int k = Math.min(perSet, shape.trialCount(row));
      System.arraycopy(row, 1, values, at, k * c);
      at += k * c;
    }
    return Batch.wrap(total, c, values);
  }

  /**
   * A set's trials sorted by value within each channel, channel after channel: [N · channels], entry c · N + k the
   * (k+1)-th smallest value of channel c. Sorting makes sets of N trials comparable rank by rank whatever the
   * trials' order: what the predictive plot of a set draws.
   */
  static double[] sorted(double[] set, DataShape shape) {
    int n = shape.trialCount(set);
    int c = shape.channels();
    double[] out = new double[n * c];
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < n; k++) {
        out[j * n + k] = set[1 + k * c + j];
      }
      java.util.Arrays.sort(out, j * n, (j + 1) * n);
    }
    return out;
  }

  /**
   * {@link #sorted(double[], DataShape)} for each row of {@code sets}, all of {@code n} trials.
   *
   * @throws IllegalStateException when a set has another number of trials
   */
  static Batch sorted(Batch sets, DataShape shape, int n) {
    double[] values = new double[sets.rows() * n * shape.channels()];
    for (int i = 0; i < sets.rows(); i++) {
      double[] row = sets.row(i);
      if (shape.trialCount(row) != n) {
        throw new IllegalStateException("predictive set " + (i + 1) + " has " + shape.trialCount(row)
            + " trials, not the observation's " + n);
      }
      System.arraycopy(sorted(row, shape), 0, values, i * n * shape.channels(), n * shape.channels());
    }
    return Batch.wrap(sets.rows(), n * shape.channels(), values);
  }
}
