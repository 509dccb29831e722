package org.jsbi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Option;

/** Options every command shares: plugin directories, verbosity and quiet mode. */
public final class CommonOptions {
  private final Map<String, String> environment;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A directory of plugin jars to load (repeatable). Directories in $JSBI_PLUGINS are loaded too.")
  List<Path> pluginDirectories = new ArrayList<>();

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
  boolean quiet;

  CommonOptions(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Loads plugins from the class path, $JSBI_PLUGINS and --plugins. */
  Registry registry() {
    return new PluginLoader().directories(pluginDirectories()).load();
  }

  /** The plugin directories from $JSBI_PLUGINS, then --plugins. */
  List<Path> pluginDirectories() {
    List<Path> dirs = new ArrayList<>(Plugins.directoriesFrom(environment.get(Plugins.ENVIRONMENT_VARIABLE)));
    dirs.addAll(pluginDirectories);
    return dirs;
  }

  /** Whether progress bars may be drawn: not with --quiet, nor when stderr is not a terminal. */
  boolean showProgress() {
    return !quiet && System.console() != null;
  }
}
