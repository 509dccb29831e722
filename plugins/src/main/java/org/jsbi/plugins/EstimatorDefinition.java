package org.jsbi.plugins;

import java.util.Objects;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;

/** The estimator-registration DSL of {@link SbiPlugin#estimator(String)}. */
public final class EstimatorDefinition {
  private final String id;
  private final String plugin;
  private EstimatorFactory factory;

  EstimatorDefinition(String id, String plugin) {
    this.id = Model.validId(id);
    this.plugin = plugin;
  }

  /** The factory that trains and restores this kind of estimator. */
  public EstimatorDefinition factory(EstimatorFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  Registration<EstimatorFactory> build() {
    if (factory == null) {
      throw new PluginException("plugin " + plugin + ": estimator '" + id + "': expected a factory, got none; call "
          + ".factory(...) when defining it");
    }
    return new Registration<>(id, plugin, factory);
  }
}
