package org.jsbi.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.simulation.InvalidSimulation;
import org.jsbi.api.simulation.SimulationSet;

/** Simulation sets as CSV: a header of parameter names then data names, one row per simulation. */
final class SimulationCsv {
  private SimulationCsv() {}

  static Path invalidFileFor(Path output) {
    String name = output.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return output.resolveSibling(stem + ".invalid.csv");
  }

  static void write(Path file, SimulationSet set) throws IOException {
    AtomicFiles.write(file, out -> {
      header(out, set.parameterNames(), set.dataNames());
      StringBuilder line = new StringBuilder(256);
      for (int i = 0; i < set.size(); i++) {
        line.setLength(0);
        appendRow(line, set.theta(), i);
        line.append(',');
        appendRow(line, set.x(), i);
        out.write(line.append('\n').toString());
      }
    });
  }

  static void writeInvalid(Path file, SimulationSet set) throws IOException {
    AtomicFiles.write(file, out -> {
      out.write("index,");
      out.write(String.join(",", set.parameterNames()));
      out.write(",reason\n");
      for (InvalidSimulation s : set.invalid()) {
        StringBuilder line = new StringBuilder().append(s.index());
        for (double v : s.theta()) {
          line.append(',').append(v);
        }
        line.append(",\"").append(s.reason().replace("\"", "\"\"")).append("\"\n");
        out.write(line.toString());
      }
    });
  }

  private static void header(Writer out, List<String> parameterNames, List<String> dataNames) throws IOException {
    out.write(String.join(",", parameterNames));
    out.write(',');
    out.write(String.join(",", dataNames));
    out.write('\n');
  }

  private static void appendRow(StringBuilder line, Batch batch, int row) {
    double[] data = batch.data();
    int cols = batch.cols();
    for (int j = 0; j < cols; j++) {
      if (j > 0) {
        line.append(',');
      }
      line.append(data[row * cols + j]);
    }
  }
}
