package org.jsbi.cli;

import java.util.Locale;

/**
 * Limits on the counts that commands take ({@code --num-samples}, {@code --num-simulations}, …): too few to work
 * with, or so many that they would overflow an array or an int deep inside a computation.
 */
final class Limits {
  /** The most values one Java array (and so one batch) can hold. */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private Limits() {}

  /**
   * Refuses {@code count} rows of {@code width} values each when they cannot fit in one array, in one line that
   * names the option, the limit and the value.
   */
  static void checkArray(String option, long count, int width, String what) {
    long limit = MAX_VALUES / Math.max(1, width);
    if (count > limit) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: expected at most %,d (one array holds at "
          + "most %,d values, and each row has %d %s), got %,d; split the work into several runs", option, limit,
          MAX_VALUES, width, what, count));
    }
  }

  /** Refuses a count below one. */
  static void positive(String option, long count) {
    if (count <= 0) {
      throw new IllegalArgumentException(option + ": expected a positive integer, got " + count);
    }
  }

  /** Refuses a count below {@code min}, naming what is counted (e.g. "samples for C2ST"). */
  static void atLeast(String option, long count, long min, String what) {
    if (count < min) {
      throw new IllegalArgumentException(option + ": expected at least " + min + " " + what + ", got " + count);
    }
  }
}
