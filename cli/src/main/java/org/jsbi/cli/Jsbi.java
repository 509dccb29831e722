package org.jsbi.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.jsbi.inference.Natives;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jsbi} command line. */
@Command(
    name = "jsbi",
    mixinStandardHelpOptions = true,
    versionProvider = Jsbi.Version.class,
    description = "Simulation-based inference on the JVM.",
    subcommands = {ModelsCommand.class, EstimatorsCommand.class, EmbeddingsCommand.class, SimulateCommand.class, TrainCommand.class,
        SampleCommand.class, CheckCommand.class, ValidateCommand.class, RunCommand.class, BenchCommand.class,
        NewPluginCommand.class, MethodsCommand.class, InspectCommand.class,
        CommandLine.HelpCommand.class})
public final class Jsbi {
  /** Exit code for a failure while running. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for bad command-line input. */
  public static final int EXIT_USAGE = 2;

  /** The commands that always need an estimator, and so TensorFlow's natives, which they start loading at once. */
  private static final java.util.Set<String> ESTIMATOR_COMMANDS = java.util.Set.of("train", "sample", "check",
      "validate", "run", "bench");

  public static void main(String[] args) {
    if (args.length > 0 && ESTIMATOR_COMMANDS.contains(args[0]) && !List.of(args).contains("--help")) {
      Natives.loadInBackground();
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(args, out, err, System.getenv()));
  }

  /** Runs one command line and returns its exit code; nothing here calls {@code System.exit}. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    boolean verbose = List.of(args).contains("--verbose");
    CommandLine cli = new CommandLine(new Jsbi(), new Factory(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("jsbi: " + e.getMessage() + " (see 'jsbi " + commandPath(e.getCommandLine()) + "--help')");
      if (verbose) {
        e.printStackTrace(err);
      }
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      OutOfMemoryError oom = outOfMemory(e);
      err.println("jsbi: error: " + (oom != null ? outOfMemoryMessage(oom) : oneLine(e)));
      if (verbose) {
        e.printStackTrace(err);
      }
      return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURE;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("jsbi: error: " + outOfMemoryMessage(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      code = EXIT_FAILURE;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static String commandPath(CommandLine cl) {
    String path = cl.getCommandSpec().qualifiedName(" ");
    return path.startsWith("jsbi") ? path.substring(4).trim() + (path.length() > 4 ? " " : "") : path + " ";
  }

  private static OutOfMemoryError outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /** What ran out, and what helps: more heap, or less held at once. */
  static String outOfMemoryMessage(OutOfMemoryError e) {
    return String.format(java.util.Locale.ROOT, "out of memory (%s; the Java heap may grow to %,d MiB): give "
        + "jsbi more with JSBI_JAVA_OPTS=-Xmx<size> (e.g. -Xmx16g), or hold less at once: fewer --num-simulations "
        + "or --num-samples per run, a smaller --chunk-size, or 'simulate --store DIR' to keep simulations on disk",
        e.getMessage() == null ? "OutOfMemoryError" : e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String oneLine(Throwable e) {
    String msg = e.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = e.getClass().getSimpleName();
    }
    return msg.lines().findFirst().orElse(msg);
  }

  /** Creates commands with access to the environment, so tests need not change the real one. */
  static final class Factory implements CommandLine.IFactory {
    private final Map<String, String> environment;

    Factory(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == CommonOptions.class) {
        return cls.cast(new CommonOptions(environment));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Jsbi.class.getPackage().getImplementationVersion();
      return new String[] {"jsbi " + (v == null ? "(development build)" : v)};
    }
  }
}
