package org.jsbi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsbi.api.Batch;

/** A numeric CSV file with a header row, read with errors that name the file, line and column. */
record CsvTable(List<String> header, Batch rows) {
  static CsvTable read(String option, Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    List<String> header;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || first.isBlank()) {
        throw new IllegalArgumentException(option + ": " + file + " is empty; expected a header row and data rows");
      }
      header = Arrays.stream(first.split(",", -1)).map(String::strip).toList();
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != header.size()) {
          throw new IllegalArgumentException(option + ": " + file + " line " + lineNo + ": expected " + header.size()
              + " columns like the header, got " + cells.length);
        }
        double[] row = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
          try {
            row[j] = Double.parseDouble(cells[j].strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": " + file + " line " + lineNo + ", column '"
                + header.get(j) + "': expected a number, got '" + cells[j].strip() + "'");
          }
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + ": file '" + file + "' does not exist");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(option + ": " + file + " has a header but no data rows");
    }
    return new CsvTable(header, Batch.of(rows.toArray(double[][]::new)));
  }
}
