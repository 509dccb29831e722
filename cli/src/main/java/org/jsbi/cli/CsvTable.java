package org.jsbi.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;

/**
 * A numeric CSV file, read with Commons CSV (quoted fields as R's {@code write.csv} writes them, CRLF, a UTF-8 byte
 * order mark), with errors that name the option, file, line and column. Columns are matched to a model's names by
 * {@link #columns}, never by position, unless the file was read without a header ({@code --no-header}).
 */
record CsvTable(String option, Path file, List<String> header, boolean named, Batch rows) {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

  /** Reads a file whose first row names the columns. */
  static CsvTable read(String option, Path file) throws IOException {
    return read(option, file, true);
  }

  /** Reads a file; without {@code header}, every row is data and the columns are named by position. */
  static CsvTable read(String option, Path file, boolean header) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + ": '" + file + "' is a directory; expected a CSV file");
    }
    List<double[]> rows = new ArrayList<>();
    List<String> names = null;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(skipByteOrderMark(in), FORMAT)) {
      for (CSVRecord record : parser) {
        if (names == null && header) {
          names = new ArrayList<>();
          record.forEach(names::add);
          continue;
        }
        if (names == null) {
          names = new ArrayList<>();
          for (int j = 0; j < record.size(); j++) {
            names.add("column " + (j + 1));
          }
        }
        rows.add(parseRow(option, file, record, names));
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + ": file '" + file + "' does not exist");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(option + ": file '" + file + "' cannot be read (permission denied)");
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(option + ": " + file + " is not valid CSV (" + firstLine(e) + ")");
    }
    if (names == null) {
      throw new IllegalArgumentException(option + ": " + file + " is empty; expected "
          + (header ? "a header row and data rows" : "data rows"));
    }
    if (rows.isEmpty() && looksNumeric(names)) {
      throw new IllegalArgumentException(option + ": " + file + " has no header row (its only row, "
          + String.join(",", names) + ", looks like data); add a header row naming the columns, or pass "
          + "--no-header if they are in the model's order");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(option + ": " + file + " has a header but no data rows");
    }
    return new CsvTable(option, file, List.copyOf(names), header, Batch.of(rows.toArray(double[][]::new)));
  }

  private static double[] parseRow(String option, Path file, CSVRecord record, List<String> names) {
    long line = record.getRecordNumber();
    if (record.size() != names.size()) {
      throw new IllegalArgumentException(option + ": " + file + " line " + line + ": expected " + names.size()
          + " columns like the first row, got " + record.size());
    }
    double[] row = new double[record.size()];
    for (int j = 0; j < row.length; j++) {
      String cell = record.get(j);
      try {
        row[j] = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": " + file + " line " + line + ", column '" + names.get(j)
            + "': expected a number, got '" + cell + "'");
      }
    }
    return row;
  }

  /**
   * The model's data values, columns matched by name, all finite: one row per observation (or trial); for a set
   * model, also one row per trial ({@link TrialsCsv}).
   */
  Batch data(Model model) {
    if (TrialsCsv.applies(this, model)) {
      return TrialsCsv.read(this, model);
    }
    Batch x = columns(model.dataNames(), "the data names of model '" + model.id() + "'");
    requireFinite(x, model.dataNames());
    return x;
  }

  /** The model's parameters, columns matched by name, all finite. */
  Batch parameters(Model model) {
    Batch theta = columns(model.parameterNames(), "the parameter names of model '" + model.id() + "'");
    requireFinite(theta, model.parameterNames());
    return theta;
  }

  /** {@link #data} or {@link #parameters} of a file that must hold exactly one row. */
  double[] oneRow(Batch values) {
    if (values.rows() != 1) {
      throw new IllegalArgumentException(option + ": " + file + " has " + values.rows() + " rows, expected one");
    }
    return values.row(0);
  }

  private void requireFinite(Batch values, List<String> names) {
    for (int i = 0; i < values.rows(); i++) {
      for (int j = 0; j < values.cols(); j++) {
        if (!Double.isFinite(values.get(i, j))) {
          throw new IllegalArgumentException(option + ": " + file + " row " + (i + 1) + ", column '" + names.get(j)
              + "': expected a finite number, got " + values.get(i, j));
        }
      }
    }
  }

  /**
   * The columns named {@code expected}, in that order, whatever their order in the file. Refuses a header with an
   * unknown, missing or repeated name in one line that lists the expected names. A table read without a header must
   * have exactly the expected number of columns, taken in the expected order.
   */
  Batch columns(List<String> expected, String whose) {
    if (!named) {
      if (header.size() != expected.size()) {
        throw new IllegalArgumentException(option + ": " + file + " has " + header.size() + " columns, expected "
            + expected.size() + " (" + whose + ", " + String.join(",", expected) + ", in that order, as "
            + "--no-header says)");
      }
      return rows;
    }
    Map<String, Integer> index = new HashMap<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int j = 0; j < header.size(); j++) {
      if (index.putIfAbsent(header.get(j), j) != null) {
        repeated.add(header.get(j));
      }
    }
    List<String> unknown = header.stream().filter(h -> !expected.contains(h)).distinct().toList();
    List<String> missing = expected.stream().filter(n -> !index.containsKey(n)).toList();
    if (!repeated.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException(option + ": " + file + " has columns " + names(header, ",") + ": "
          + problems(unknown, missing, repeated) + "; expected " + whose + ", " + names(expected, ",")
          + ", in any order" + (looksNumeric(header) ? " (the first row looks like data: add a header row naming "
          + "the columns, or pass --no-header if they are in that order)" : ""));
    }
    Batch out = Batch.zeros(rows.rows(), expected.size());
    for (int i = 0; i < rows.rows(); i++) {
      for (int k = 0; k < expected.size(); k++) {
        out.set(i, k, rows.get(i, index.get(expected.get(k))));
      }
    }
    return out;
  }

  private static String problems(List<String> unknown, List<String> missing, Set<String> repeated) {
    List<String> parts = new ArrayList<>();
    if (!unknown.isEmpty()) {
      parts.add("unknown " + quoted(unknown));
    }
    if (!missing.isEmpty()) {
      parts.add("missing " + quoted(missing));
    }
    if (!repeated.isEmpty()) {
      parts.add("repeated " + quoted(List.copyOf(repeated)));
    }
    return String.join(", ", parts);
  }

  private static String quoted(List<String> names) {
    return "'" + names(names, "', '") + "'";
  }

  /** At most a dozen names: a shaped model's hundred columns are shortened to the first and last few and a count. */
  static String names(List<String> names, String separator) {
    if (names.size() <= 12) {
      return String.join(separator, names);
    }
    return String.join(separator, names.subList(0, 4)) + separator + "…" + separator
        + String.join(separator, names.subList(names.size() - 2, names.size())) + " (" + names.size() + " names)";
  }

  private static boolean looksNumeric(List<String> header) {
    return header.stream().allMatch(h -> {
      try {
        Double.parseDouble(h);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    });
  }

  private static Reader skipByteOrderMark(Reader in) throws IOException {
    java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
