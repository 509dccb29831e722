package org.jsbi.api;

import java.util.Objects;

/**
 * Input checks shared by every public entry point. Each failure names the argument, the expected value, the
 * actual value and, where there is one, the fix.
 */
public final class Arguments {
  private Arguments() {}

  /** Requires {@code value > 0}. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          name + ": expected a positive integer, got " + value);
    }
    return value;
  }

  /** Requires {@code value > 0} and finite. */
  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + ": expected a finite positive number, got " + value);
    }
    return value;
  }

  /** Requires a finite value. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + ": expected a finite number, got " + value);
    }
    return value;
  }

  /** Requires an array of exactly {@code expectedLength} finite values. */
  public static double[] finiteVector(String name, double[] values, int expectedLength) {
    Objects.requireNonNull(values, name);
    length(name, values, expectedLength);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "]: expected a finite number, got " + values[i]
                + "; remove NaN/Inf values before passing them in");
      }
    }
    return values;
  }

  /** Requires an array of exactly {@code expectedLength} values (NaN allowed). */
  public static double[] length(String name, double[] values, int expectedLength) {
    Objects.requireNonNull(values, name);
    if (values.length != expectedLength) {
      throw new IllegalArgumentException(
          name + ": expected length " + expectedLength + ", got " + values.length);
    }
    return values;
  }

  /** Requires a batch with exactly {@code expectedCols} columns. */
  public static Batch columns(String name, Batch batch, int expectedCols) {
    Objects.requireNonNull(batch, name);
    if (batch.cols() != expectedCols) {
      throw new IllegalArgumentException(
          name + ": expected " + expectedCols + " columns, got " + batch.cols());
    }
    return batch;
  }

  /** Requires every entry of a batch to be finite. */
  public static Batch finiteBatch(String name, Batch batch) {
    Objects.requireNonNull(batch, name);
    double[] data = batch.data();
    for (int k = 0; k < data.length; k++) {
      if (!Double.isFinite(data[k])) {
        throw new IllegalArgumentException(
            name + "[" + (k / batch.cols()) + "][" + (k % batch.cols())
                + "]: expected a finite number, got " + data[k]);
      }
    }
    return batch;
  }
}
