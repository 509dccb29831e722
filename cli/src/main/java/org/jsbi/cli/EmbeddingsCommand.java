package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsbi embeddings}: the registered embedding networks. */
@Command(name = "embeddings", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi embeddings", description = "List the registered embedding networks: what turns structured x "
        + "into features for any estimator.")
final class EmbeddingsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registry()) {
      out.printf("%-12s %s%n", "EMBEDDING", "DESCRIPTION");
      for (String id : registry.embeddingIds()) {
        out.printf("%-12s %s%n", id, registry.embedding(id).description());
      }
    }
    return 0;
  }
}
