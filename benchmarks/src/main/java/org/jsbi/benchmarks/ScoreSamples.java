package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.inference.checks.C2st;

/**
 * C2ST of a samples CSV against a reference CSV, columns matched by name: how benchmarks/peer scores jsbi's and
 * another tool's posterior samples with one scorer.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.ScoreSamples SAMPLES.csv
 * REFERENCE.csv [SEED]}; prints the C2ST (0.5 is perfect).
 */
public final class ScoreSamples {
  private ScoreSamples() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ScoreSamples SAMPLES.csv REFERENCE.csv [SEED]");
    }
    Batch reference = read(Path.of(args[1]), null);
    Batch samples = read(Path.of(args[0]), header(Path.of(args[1])));
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    System.out.printf(Locale.ROOT, "%.4f%n", C2st.score(samples, reference, seed));
  }

  private static List<String> header(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return Arrays.stream(lines.findFirst().orElseThrow().split(",")).map(s -> s.replace("\"", "").trim()).toList();
    }
  }

  /** The file's rows, its columns in the order of {@code names} (or its own order when null). */
  private static Batch read(Path file, List<String> names) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> own = header(file);
    List<String> order = names == null ? own : names;
    int[] at = new int[order.size()];
    for (int j = 0; j < at.length; j++) {
      at[j] = own.indexOf(order.get(j));
      if (at[j] < 0) {
        throw new IllegalArgumentException(file + ": expected a column '" + order.get(j) + "', got " + own);
      }
    }
    Batch b = Batch.zeros(lines.size() - 1, at.length);
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      for (int j = 0; j < at.length; j++) {
        b.set(i - 1, j, Double.parseDouble(cells[at[j]]));
      }
    }
    return b;
  }
}
