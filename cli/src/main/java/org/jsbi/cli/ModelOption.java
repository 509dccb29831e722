package org.jsbi.cli;

import picocli.CommandLine.Option;

/** {@code --model}, required, in the commands that train a posterior for a model (train, run). */
final class ModelOption {
  @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see 'jsbi models').")
  String id;
}
