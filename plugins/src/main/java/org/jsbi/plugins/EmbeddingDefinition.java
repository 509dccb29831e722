package org.jsbi.plugins;

import java.util.Objects;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EmbeddingFactory;

/** The embedding-registration DSL of {@link SbiPlugin#embedding(String)}. */
public final class EmbeddingDefinition {
  private final String id;
  private final String plugin;
  private EmbeddingFactory factory;

  EmbeddingDefinition(String id, String plugin) {
    this.id = Model.validId(id);
    this.plugin = plugin;
  }

  /** The kind of embedding network that estimators build under this id. */
  public EmbeddingDefinition factory(EmbeddingFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  Registration<EmbeddingFactory> build() {
    if (factory == null) {
      throw new PluginException("plugin " + plugin + ": embedding '" + id + "': expected a factory, got none; call "
          + ".factory(...) when defining it");
    }
    return new Registration<>(id, plugin, factory);
  }
}
