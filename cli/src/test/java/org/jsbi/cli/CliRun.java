package org.jsbi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    return withEnvironment(Map.of(), args);
  }

  /** Runs a command that must succeed: a failure fails the test with what it printed on stderr. */
  static CliRun succeeding(String... args) {
    CliRun run = of(args);
    if (run.exitCode() != 0) {
      throw new AssertionError("jsbi " + String.join(" ", args) + " exited " + run.exitCode() + ": " + run.err());
    }
    return run;
  }

  static CliRun withEnvironment(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Jsbi.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new CliRun(code, out.toString(), err.toString());
  }
}
