package org.jsbi.plugins;

import org.jsbi.api.Model;
import org.jsbi.api.Prior;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * The model-registration DSL of {@link SbiPlugin#model(String)}. The model is built and validated when the
 * registry is created, so the calls may come in any order.
 */
public final class ModelDefinition {
  private final Model.Builder builder;
  private final String plugin;

  ModelDefinition(String id, String plugin) {
    this.builder = Model.builder(id);
    this.plugin = plugin;
  }

  public ModelDefinition description(String description) {
    builder.description(description);
    return this;
  }

  public ModelDefinition prior(Prior prior) {
    builder.prior(prior);
    return this;
  }

  public ModelDefinition simulator(Simulator simulator) {
    builder.simulator(simulator);
    return this;
  }

  public ModelDefinition parameterNames(String... names) {
    builder.parameterNames(names);
    return this;
  }

  public ModelDefinition dataNames(String... names) {
    builder.dataNames(names);
    return this;
  }

  /**
   * The data's shape when x is more than a vector, e.g. {@code .data(DataShape.sequence(100, 2))}; the data names
   * then name its channels.
   */
  public ModelDefinition data(org.jsbi.api.DataShape shape) {
    builder.data(shape);
    return this;
  }

  /** Attaches an exact posterior sampler, used by benchmarks and accuracy checks. */
  public ModelDefinition referencePosterior(ReferencePosterior referencePosterior) {
    builder.referencePosterior(referencePosterior);
    return this;
  }

  Registration<Model> build() {
    try {
      return new Registration<>(builder.id(), plugin, builder.build());
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin " + plugin + ": " + e.getMessage(), e);
    }
  }
}
