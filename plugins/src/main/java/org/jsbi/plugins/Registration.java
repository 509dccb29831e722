package org.jsbi.plugins;

import java.util.Objects;

/**
 * One contribution of a plugin: an id, the plugin that registered it (for error messages), and the value.
 *
 * @param <T> what is registered, for example a {@link org.jsbi.api.Model}
 */
public record Registration<T>(String id, String plugin, T value) {
  public Registration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(value, "value");
  }
}
