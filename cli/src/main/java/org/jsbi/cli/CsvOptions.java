package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the CSV files a command reads are laid out. */
final class CsvOptions {
  @Option(names = "--no-header", description = "The CSV files read have no header row: their columns are the "
      + "model's names in the model's order (see 'jsbi models'). Without it, the first row must name the columns, "
      + "which are then matched by name in any order.")
  boolean noHeader;

  CsvTable read(String option, Path file) throws IOException {
    return CsvTable.read(option, file, !noHeader);
  }
}
