package org.jsbi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsbi.plugins.PluginException;
import org.jsbi.inference.store.PluginOrigin;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Option;

/** Options every command shares: plugin directories and verbosity. */
public final class CommonOptions {
  private final Map<String, String> environment;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A directory of plugin jars to load (repeatable). Directories in $JSBI_PLUGINS are loaded too.")
  List<Path> pluginDirectories = new ArrayList<>();

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  CommonOptions(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Loads plugins from the class path, $JSBI_PLUGINS and --plugins. A named directory that is missing or holds no
   * jar is a bad argument (exit 2), named by where it came from.
   */
  Registry registry() {
    for (Path dir : pluginDirectories) {
      checkDirectory("--plugins", dir);
    }
    for (Path dir : Plugins.directoriesFrom(environment.get(Plugins.ENVIRONMENT_VARIABLE))) {
      checkDirectory("$" + Plugins.ENVIRONMENT_VARIABLE, dir);
    }
    return new PluginLoader().directories(pluginDirectories()).load();
  }

  /**
   * The registry for a command that loads the posterior saved in {@code posterior} (given as {@code flag}): as
   * {@link #registry()}, plus the plugin jar its model was trained from, when the plugins named do not register that
   * model and the jar is still where it was, unchanged (posterior.json records its path and SHA-256); refused in
   * one line when it is not.
   */
  Registry registryFor(String flag, Path posterior) throws java.io.IOException {
    Registry registry = registry();
    var recorded = PluginOrigin.recorded(posterior);
    if (recorded.isEmpty() || registry.findModel(recorded.get().modelId()).isPresent()) {
      return registry;
    }
    if (!recorded.get().origin().present()) {
      registry.close();
      String model = recorded.get().modelId();
      throw new IllegalArgumentException(flag + ": " + recorded.get().origin().describe(model) + ", which is no "
          + "longer there or has changed; pass --plugins with the directory of the jar that registers '" + model
          + "'");
    }
    registry.close();
    return new PluginLoader().directories(pluginDirectories()).jar(recorded.get().origin().jar()).load();
  }

  private static void checkDirectory(String source, Path dir) {
    try {
      PluginLoader.jarsIn(dir);
    } catch (PluginException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }
  }

  /** The plugin directories from $JSBI_PLUGINS, then --plugins, each once (by its real path). */
  List<Path> pluginDirectories() {
    List<Path> all = new ArrayList<>(Plugins.directoriesFrom(environment.get(Plugins.ENVIRONMENT_VARIABLE)));
    all.addAll(pluginDirectories);
    return PluginLoader.distinct(all);
  }
}
