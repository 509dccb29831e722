package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsbi estimators}: the registered density estimators. */
@Command(name = "estimators", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi estimators", description = "List the registered estimators.")
final class EstimatorsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registry()) {
      out.printf("%-12s %s%n", "ESTIMATOR", "DESCRIPTION");
      for (String id : registry.estimatorIds()) {
        out.printf("%-12s %s%n", id, registry.estimator(id).description());
        java.util.Map<String, String> options = registry.estimator(id).options();
        if (!options.isEmpty()) {
          out.printf("%-12s options (--estimator-option): %s%n", "", String.join(", ", options.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        java.util.List<String> sampling = options.keySet().stream().filter(registry.estimator(id).samplingOptions()
            ::contains).toList();
        if (!sampling.isEmpty()) {
          out.printf("%-12s of a trained one, 'jsbi sample' can change: %s%n", "", String.join(", ", sampling));
        }
      }
    }
    return 0;
  }
}
