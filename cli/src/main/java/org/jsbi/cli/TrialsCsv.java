package org.jsbi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.toolkit.Trials;

/**
 * Observations of a set model written one row per trial: a {@code trial} column (1, 2, … within each set), the
 * channels by name, and, for several observations in one file, an {@code observation} column (1, 2, …). Each set
 * becomes one flat row, as {@link DataShape#trials} lays it out.
 *
 * <pre>
 * observation,trial,x_1,x_2
 * 1,1,0.31,-0.20
 * 1,2,1.12,0.41
 * 2,1,-0.50,0.07
 * </pre>
 */
final class TrialsCsv {
  static final String OBSERVATION = "observation";
  static final String TRIAL = "trial";

  private TrialsCsv() {}

  /** Whether {@code table} is written one row per trial for {@code model}. */
  static boolean applies(CsvTable table, Model model) {
    return model.dataShape().kind() == DataShape.Kind.TRIALS && table.named() && table.header().contains(TRIAL);
  }

  /** One flat row per observation, in the order of their numbers. */
  static Batch read(CsvTable table, Model model) {
    DataShape shape = model.dataShape();
    List<String> expected = new ArrayList<>();
    boolean several = table.header().contains(OBSERVATION);
    if (several) {
      expected.add(OBSERVATION);
    }
    expected.add(TRIAL);
    expected.addAll(model.channelNames());
    Batch rows = table.columns(expected, "an observation number (optional), a trial number and the channels of "
        + "model '" + model.id() + "'");
    int c = shape.channels();
    Map<Integer, Map<Integer, double[]>> sets = new TreeMap<>();
    for (int i = 0; i < rows.rows(); i++) {
      int obs = several ? whole(table, rows.get(i, 0), OBSERVATION, i) : 1;
      int at = several ? 1 : 0;
      int trial = whole(table, rows.get(i, at), TRIAL, i);
      double[] values = new double[c];
      for (int j = 0; j < c; j++) {
        values[j] = rows.get(i, at + 1 + j);
        if (!Double.isFinite(values[j])) {
          throw new IllegalArgumentException(table.option() + ": " + table.file() + " row " + (i + 1) + ", column '"
              + model.channelNames().get(j) + "': expected a finite number, got " + values[j]);
        }
      }
      if (sets.computeIfAbsent(obs, k -> new TreeMap<>()).put(trial, values) != null) {
        throw new IllegalArgumentException(table.option() + ": " + table.file() + " row " + (i + 1) + ": trial "
            + trial + " of observation " + obs + " appears twice; number each set's trials once");
      }
    }
    Batch out = Batch.zeros(sets.size(), shape.columns());
    int k = 0;
    for (var e : sets.entrySet()) {
      Map<Integer, double[]> set = e.getValue();
      if (!set.keySet().equals(new java.util.TreeSet<>(java.util.stream.IntStream.rangeClosed(1, set.size())
          .boxed().toList()))) {
        throw new IllegalArgumentException(table.option() + ": " + table.file() + ": observation " + e.getKey()
            + " has trials " + set.keySet() + ", expected 1 to " + set.size() + " each once");
      }
      if (set.size() < shape.minTrials() || set.size() > shape.maxTrials()) {
        throw new IllegalArgumentException(table.option() + ": " + table.file() + ": observation " + e.getKey()
            + " has " + set.size() + " trials, expected " + shape.minTrials() + " to " + shape.maxTrials()
            + " (the range model '" + model.id() + "' simulates and its posteriors are trained on)");
      }
      out.setRow(k++, Trials.row(shape, set.values().toArray(double[][]::new)));
    }
    return out;
  }

  private static int whole(CsvTable table, double v, String column, int row) {
    if (!(v == Math.rint(v) && v >= 1 && v <= Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(table.option() + ": " + table.file() + " row " + (row + 1) + ", column '"
          + column + "': expected a whole number from 1, got " + v);
    }
    return (int) v;
  }
}
