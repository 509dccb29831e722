package org.jsbi.api.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.io.Sha256;

/**
 * One chunk of a durable campaign: the rows of an index range, valid or not, as text whose first line carries the
 * range and a SHA-256 of the rest. Doubles are written with {@link Double#toString}, which reads back exactly.
 *
 * <pre>
 * # jsbi-chunk 1 start=0 end=1000 sha256=…
 * 0,ok,θ…,x…,
 * 7,invalid,θ…,x…,"simulator threw …"
 * </pre>
 */
final class ChunkFile {
  private static final String MAGIC = "# jsbi-chunk 1";

  /** The rows of one chunk, all of them, in index order. */
  record Rows(int start, int end, double[] theta, double[] x, String[] reasons) {}

  /** The file is missing a part, does not match its checksum, or does not parse. */
  static final class CorruptChunkException extends Exception {
    CorruptChunkException(String message) {
      super(message);
    }
  }

  private ChunkFile() {}

  /** Encodes the rows of {@code set} (simulated with {@link InvalidPolicy#KEEP}) as chunk text, header included. */
  static String encode(int start, int end, SimulationSet set) {
    String[] reasons = new String[end - start];
    for (InvalidSimulation s : set.invalid()) {
      reasons[(int) (s.index() - start)] = s.reason();
    }
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < end - start; i++) {
      body.append(start + i).append(reasons[i] == null ? ",ok" : ",invalid");
      for (double v : set.theta().row(i)) {
        body.append(',').append(v);
      }
      for (double v : set.x().row(i)) {
        body.append(',').append(v);
      }
      body.append(',');
      if (reasons[i] != null) {
        body.append('"').append(reasons[i].replace("\"", "\"\"").replace("\n", " ")).append('"');
      }
      body.append('\n');
    }
    String text = body.toString();
    return MAGIC + " start=" + start + " end=" + end + " sha256=" + sha256(text) + "\n" + text;
  }

  /** Writes chunk text atomically. */
  static void write(Path file, String encoded) throws IOException {
    AtomicFiles.write(file, encoded.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a chunk that must cover exactly [start, end) with the given dimensions, verifying its checksum. */
  static Rows read(Path file, int start, int end, int pd, int dd) throws IOException, CorruptChunkException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), start, end, pd, dd);
  }

  /** Parses chunk text that must cover exactly [start, end) with the given dimensions, verifying its checksum. */
  static Rows parse(String text, int start, int end, int pd, int dd) throws CorruptChunkException {
    int newline = text.indexOf('\n');
    if (newline < 0 || !text.startsWith(MAGIC)) {
      throw new CorruptChunkException("no chunk header");
    }
    String header = text.substring(0, newline);
    String body = text.substring(newline + 1);
    String expected = MAGIC + " start=" + start + " end=" + end + " sha256=";
    if (!header.startsWith(expected)) {
      throw new CorruptChunkException("header '" + header + "' does not describe indices " + start + "–" + end);
    }
    if (!header.substring(expected.length()).equals(sha256(body))) {
      throw new CorruptChunkException("SHA-256 mismatch (truncated or altered)");
    }
    int n = end - start;
    double[] theta = new double[n * pd];
    double[] x = new double[n * dd];
    String[] reasons = new String[n];
    List<String> lines = body.lines().toList();
    if (lines.size() != n) {
      throw new CorruptChunkException("expected " + n + " rows, found " + lines.size());
    }
    try {
      for (int i = 0; i < n; i++) {
        String line = lines.get(i);
        String[] cells = line.split(",", 3 + pd + dd);
        if (Integer.parseInt(cells[0]) != start + i) {
          throw new CorruptChunkException("row " + i + " has index " + cells[0] + ", expected " + (start + i));
        }
        for (int j = 0; j < pd; j++) {
          theta[i * pd + j] = Double.parseDouble(cells[2 + j]);
        }
        for (int j = 0; j < dd; j++) {
          x[i * dd + j] = Double.parseDouble(cells[2 + pd + j]);
        }
        if (cells[1].equals("invalid")) {
          String r = cells[2 + pd + dd];
          reasons[i] = r.substring(1, r.length() - 1).replace("\"\"", "\"");
        }
      }
    } catch (RuntimeException e) {
      throw new CorruptChunkException("unreadable row: " + e.getMessage());
    }
    return new Rows(start, end, theta, x, reasons);
  }

  static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
