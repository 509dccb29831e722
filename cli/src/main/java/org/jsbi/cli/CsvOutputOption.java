package org.jsbi.cli;

import java.nio.file.Path;
import org.jsbi.api.io.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * {@code --output FILE.csv}, for the commands whose result is one table ({@code sample}, {@code bench}): the
 * command's description says what the rows are. Checked before any work starts, and written atomically.
 */
final class CsvOutputOption {
  @Option(names = "--output", required = true, paramLabel = "FILE.csv", description = "The CSV file to write: "
      + "whole or not at all (written beside it, then moved), replacing a file of that name.")
  Path path;

  /** The path, once it is known to be writable: call before any expensive work. */
  Path checked() {
    AtomicFiles.checkWritable("--output", path);
    return path;
  }
}
