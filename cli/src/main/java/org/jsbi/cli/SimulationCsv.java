package org.jsbi.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.InvalidSimulation;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.SimulationSink;

/**
 * Simulations streamed, block by block, to a CSV file (a header of parameter names then data names, one row per
 * simulation) and their invalid ones to {@code FILE.invalid.csv} (index, θ, reason): memory holds one block
 * whatever the run's size. The files appear atomically at {@link #commit}; until then they are hidden temporary
 * files, removed by {@link #close} if the run fails. Without a file the simulations are only counted.
 */
final class SimulationCsv implements SimulationSink, AutoCloseable {
  private final Path file;
  private final Path invalidFile;
  private final List<String> parameterNames;
  private final InvalidPolicy policy;
  private Path tmp;
  private Writer out;
  private Path invalidTmp;
  private Writer invalidOut;
  private long simulations;
  private long invalid;
  private final StringBuilder line = new StringBuilder(256);

  SimulationCsv(Path file, List<String> parameterNames, List<String> dataNames, InvalidPolicy policy)
      throws IOException {
    this.file = file;
    this.invalidFile = file == null ? null : invalidFileFor(file);
    this.parameterNames = List.copyOf(parameterNames);
    this.policy = policy;
    if (file != null) {
      tmp = AtomicFiles.temporaryFor(file);
      out = writer(tmp);
      out.write(String.join(",", parameterNames) + "," + String.join(",", dataNames) + "\n");
    }
  }

  static Path invalidFileFor(Path output) {
    String name = output.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return output.resolveSibling(stem + ".invalid.csv");
  }

  @Override
  public void accept(SimulationSet block) throws IOException {
    simulations += block.numSimulations();
    invalid += block.invalidCount();
    if (file == null) {
      return;
    }
    for (int i = 0; i < block.size(); i++) {
      line.setLength(0);
      appendRow(line, block.theta(), i);
      line.append(',');
      appendRow(line, block.x(), i);
      out.write(line.append('\n').toString());
    }
    for (InvalidSimulation s : block.invalid()) {
      if (invalidOut == null) {
        invalidTmp = AtomicFiles.temporaryFor(invalidFile);
        invalidOut = writer(invalidTmp);
        invalidOut.write("index," + String.join(",", parameterNames) + ",reason\n");
      }
      line.setLength(0);
      line.append(s.index());
      for (double v : s.theta()) {
        line.append(',').append(v);
      }
      line.append(",\"").append(s.reason().replace("\"", "\"\"")).append("\"\n");
      invalidOut.write(line.toString());
    }
  }

  /** The account of everything received, as {@link SimulationSet#summary()} gives it. */
  String summary() {
    return SimulationSet.summary(simulations, invalid, policy);
  }

  long invalidCount() {
    return invalid;
  }

  Path invalidFile() {
    return invalidFile;
  }

  /**
   * Puts the files in place: the CSV, and the list of invalid simulations if there were any (an older list beside
   * the CSV, from another run, is removed, so it is never taken for this run's).
   */
  void commit() throws IOException {
    if (file == null) {
      return;
    }
    out.close();
    out = null;
    AtomicFiles.commit(tmp, file);
    tmp = null;
    if (invalidOut != null) {
      invalidOut.close();
      invalidOut = null;
      AtomicFiles.commit(invalidTmp, invalidFile);
      invalidTmp = null;
    } else {
      Files.deleteIfExists(invalidFile);
    }
  }

  @Override
  public void close() throws IOException {
    for (Writer w : new Writer[] {out, invalidOut}) {
      if (w != null) {
        w.close();
      }
    }
    for (Path p : new Path[] {tmp, invalidTmp}) {
      if (p != null) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Writer writer(Path path) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 20);
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
