package org.jsbi.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a model's data x, and how it lies in one flat row of numbers (a {@link Batch} row, a CSV row).
 * <ul>
 *   <li>{@link #vector}: d values.
 *   <li>{@link #sequence}: T steps × C channels, step by step: columns {@code name[t=1]} for every channel, then
 *       {@code name[t=2]}, …
 *   <li>{@link #trials}: a set of N i.i.d. trials × C values, N anywhere in [min, max] and varying between
 *       simulations and observations: the first column, {@code trials}, holds N; then trial 1's C values
 *       ({@code name[trial=1]}), trial 2's, …, up to max trials; the columns of trials beyond N hold 0.
 *   <li>{@link #image}: H × W pixels × C channels, row by row: {@code name[y=1,x=1]}, {@code name[y=1,x=2]}, ….
 * </ul>
 * Indices in column names start at 1. The channel names are the model's data names.
 *
 * @param kind what the data are
 * @param steps T for a sequence, H for an image, the most trials for a set, and 1 for a vector
 * @param width W for an image, else 1
 * @param channels C (d for a vector)
 * @param minTrials the fewest trials of a set, else 0
 */
public record DataShape(Kind kind, int steps, int width, int channels, int minTrials) {
  /** The kinds of data. */
  public enum Kind {
    VECTOR, SEQUENCE, TRIALS, IMAGE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The name of a set's first column, which holds its number of trials. */
  public static final String TRIAL_COUNT = "trials";

  public DataShape {
    Arguments.positive("steps", steps);
    Arguments.positive("width", width);
    Arguments.positive("channels", channels);
    if (kind == Kind.TRIALS && (minTrials < 1 || minTrials > steps)) {
      throw new IllegalArgumentException("minTrials: expected 1 to " + steps + " (the most trials), got "
          + minTrials);
    }
  }

  public static DataShape vector(int dim) {
    return new DataShape(Kind.VECTOR, 1, 1, dim, 0);
  }

  public static DataShape sequence(int steps, int channels) {
    return new DataShape(Kind.SEQUENCE, steps, 1, channels, 0);
  }

  /** A set of {@code minTrials} to {@code maxTrials} i.i.d. trials of {@code channels} values each. */
  public static DataShape trials(int minTrials, int maxTrials, int channels) {
    return new DataShape(Kind.TRIALS, maxTrials, 1, channels, minTrials);
  }

  public static DataShape image(int height, int width, int channels) {
    return new DataShape(Kind.IMAGE, height, width, channels, 0);
  }

  /** The most trials of a set. */
  public int maxTrials() {
    return kind == Kind.TRIALS ? steps : 0;
  }

  /** The columns of one flat row. */
  public int columns() {
    return (kind == Kind.TRIALS ? 1 : 0) + steps * width * channels;
  }

  /** The flat row's column names, from the names of the channels. */
  public List<String> columnNames(List<String> channelNames) {
    if (channelNames.size() != channels) {
      throw new IllegalArgumentException("channelNames: expected " + channels + " names, got " + channelNames);
    }
    if (kind == Kind.VECTOR) {
      return List.copyOf(channelNames);
    }
    List<String> out = new ArrayList<>();
    if (kind == Kind.TRIALS) {
      out.add(TRIAL_COUNT);
    }
    for (int i = 1; i <= steps; i++) {
      for (int j = 1; j <= width; j++) {
        for (String c : channelNames) {
          out.add(switch (kind) {
            case SEQUENCE -> c + "[t=" + i + "]";
            case TRIALS -> c + "[trial=" + i + "]";
            default -> c + "[y=" + i + ",x=" + j + "]";
          });
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Checks that {@code row} fits this shape: its length, and for a set a whole number of trials in [min, max].
   *
   * @param argument the argument's name for the error message
   */
  public double[] check(String argument, double[] row) {
    if (row.length != columns()) {
      throw new IllegalArgumentException(argument + ": expected " + columns() + " values (" + describe() + "), got "
          + row.length);
    }
    if (kind == Kind.TRIALS) {
      double n = row[0];
      if (!(n == Math.rint(n) && n >= minTrials && n <= steps)) {
        throw new IllegalArgumentException(argument + ": expected " + minTrials + " to " + steps + " trials, the "
            + "range the posterior was trained on, got " + n + "; train on a range that holds it");
      }
    }
    return row;
  }

  /** The number of trials in a set's row. */
  public int trialCount(double[] row) {
    if (kind != Kind.TRIALS) {
      throw new IllegalStateException("trialCount: only a set of trials has one; this is a " + kind.id());
    }
    return (int) row[0];
  }

  /** In words, e.g. "a sequence of 100 steps × 2 channels". */
  public String describe() {
    return switch (kind) {
      case VECTOR -> "a vector of " + channels;
      case SEQUENCE -> "a sequence of " + steps + " steps × " + channels + " channel" + (channels == 1 ? "" : "s");
      case TRIALS -> "a set of " + minTrials + " to " + steps + " trials × " + channels + " value"
          + (channels == 1 ? "" : "s");
      case IMAGE -> "an image of " + steps + " × " + width + " pixels × " + channels + " channel"
          + (channels == 1 ? "" : "s");
    };
  }
}
