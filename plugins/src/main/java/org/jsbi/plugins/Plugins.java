package org.jsbi.plugins;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Entry points for loading plugins the usual way. */
public final class Plugins {
  /** The environment variable holding plugin directories, separated like a class path. */
  public static final String ENVIRONMENT_VARIABLE = "JSBI_PLUGINS";

  private Plugins() {}

  /** Plugins on the class path and in the directories named by {@code JSBI_PLUGINS}. */
  public static Registry load() {
    return new PluginLoader().directories(directoriesFrom(System.getenv(ENVIRONMENT_VARIABLE))).load();
  }

  /** Plugin directories from a {@code JSBI_PLUGINS}-style value; none when null or blank. */
  public static List<Path> directoriesFrom(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
  }
}
