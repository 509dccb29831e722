package org.jsbi.plugins;

import java.util.Objects;
import org.jsbi.api.Model;
import org.jsbi.api.method.InferenceMethod;

/** The method-registration DSL of {@link SbiPlugin#method(String)}. */
public final class MethodDefinition {
  private final String id;
  private final String plugin;
  private InferenceMethod method;

  MethodDefinition(String id, String plugin) {
    this.id = Model.validId(id);
    this.plugin = plugin;
  }

  /** The method: what it trains and the posterior it gives. */
  public MethodDefinition factory(InferenceMethod method) {
    this.method = Objects.requireNonNull(method, "method");
    return this;
  }

  Registration<InferenceMethod> build() {
    if (method == null) {
      throw new PluginException("plugin " + plugin + ": method '" + id + "': expected a factory, got none; call "
          + ".factory(...) when defining it");
    }
    return new Registration<>(id, plugin, method);
  }
}
