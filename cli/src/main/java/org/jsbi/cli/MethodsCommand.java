package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsbi methods}: the registered inference methods, what each needs, and its options. */
@Command(name = "methods", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi methods", description = "List the registered inference methods: what each fits, its default "
        + "estimator and its options (given to train, run and bench as --option NAME=VALUE; theta-space also as "
        + "--theta-space).")
final class MethodsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registry()) {
      out.printf("%-8s %-10s %s%n", "METHOD", "ESTIMATOR", "DESCRIPTION");
      for (String id : registry.methodIds()) {
        InferenceMethod m = registry.method(id);
        out.printf("%-8s %-10s %s%n", id, m.defaultEstimator(), m.description());
        out.printf("%-8s %-10s needs %s%n", "", "", m.needs());
        for (Map.Entry<String, String> o : m.options().entrySet()) {
          out.printf("%-8s %-10s --option %s=…: %s%n", "", "", o.getKey(), o.getValue());
        }
      }
    }
    return 0;
  }
}
