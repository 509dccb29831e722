package org.jsbi.cli;

import picocli.CommandLine.Option;

/** The options of commands that draw progress bars: simulate, train, sample and run. */
final class ProgressOptions {
  @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
  boolean quiet;

  /** Whether progress bars may be drawn: not with --quiet, nor when stderr is not a terminal. */
  boolean showProgress() {
    return !quiet && System.console() != null;
  }
}
