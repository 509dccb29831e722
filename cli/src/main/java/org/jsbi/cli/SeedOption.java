package org.jsbi.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, the same in every command that draws anything. */
final class SeedOption {
  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Random seed (default 1): the same seed gives the same result.")
  long seed;
}
