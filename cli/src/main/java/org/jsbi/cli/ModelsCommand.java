package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jsbi.api.Model;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsbi models}: the registered models, with dimensions and descriptions. */
@Command(name = "models", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi models --plugins plugins/",
    description = "List the registered models with their dimensions, priors and descriptions.")
final class ModelsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registry()) {
      String format = "%-26s %6s %5s  %-32s %s%n";
      out.printf(format, "MODEL", "THETA", "X", "PRIOR", "DESCRIPTION");
      for (Model m : registry.models()) {
        out.printf(format, m.id(), m.parameterDim(), m.dataDim(), m.prior().describe(), m.description());
        if (common.verbose) {
          out.printf("%-26s registered by %s%n", "", registry.pluginOf(m.id()));
        }
      }
    }
    return 0;
  }
}
