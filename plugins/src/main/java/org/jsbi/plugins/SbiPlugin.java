package org.jsbi.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.method.InferenceMethod;

/**
 * A jsbi plugin: a Guice module that registers models, estimators, embedding networks and inference methods by id. List the
 * subclass in {@code META-INF/services/org.jsbi.plugins.SbiPlugin} and put the jar on the class path or in a
 * plugin directory.
 *
 * <pre>{@code
 * public final class MyPlugin extends SbiPlugin {
 *   @Override protected void configure() {
 *     model("two-moons").prior(Priors.boxUniform(2, -1, 1)).simulator(new TwoMoons());
 *   }
 * }
 * }</pre>
 *
 * <p>A plugin only declares; it does no I/O in {@code configure}. It needs a public no-argument constructor.
 */
public abstract class SbiPlugin extends AbstractModule {
  static final TypeLiteral<Registration<Model>> MODEL = new TypeLiteral<>() {};
  static final TypeLiteral<Registration<EstimatorFactory>> ESTIMATOR = new TypeLiteral<>() {};
  static final TypeLiteral<Registration<InferenceMethod>> METHOD = new TypeLiteral<>() {};
  static final TypeLiteral<Registration<EmbeddingFactory>> EMBEDDING = new TypeLiteral<>() {};

  private String origin = getClass().getName();

  /** Registers a model under a kebab-case id; chain the returned definition to describe it. */
  protected final ModelDefinition model(String id) {
    ModelDefinition definition;
    try {
      definition = new ModelDefinition(id, origin);
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin " + origin + ": model " + e.getMessage(), e);
    }
    Multibinder.newSetBinder(binder(), MODEL).addBinding()
        .toProvider((com.google.inject.Provider<Registration<Model>>) definition::build);
    return definition;
  }

  /** Registers a conditional density estimator (for example a normalizing flow) under a kebab-case id. */
  protected final EstimatorDefinition estimator(String id) {
    EstimatorDefinition definition;
    try {
      definition = new EstimatorDefinition(id, origin);
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin " + origin + ": estimator " + e.getMessage(), e);
    }
    Multibinder.newSetBinder(binder(), ESTIMATOR).addBinding()
        .toProvider((com.google.inject.Provider<Registration<EstimatorFactory>>) definition::build);
    return definition;
  }

  /** Registers a kind of embedding network (for example a deep set) under a kebab-case id. */
  protected final EmbeddingDefinition embedding(String id) {
    EmbeddingDefinition definition;
    try {
      definition = new EmbeddingDefinition(id, origin);
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin " + origin + ": embedding " + e.getMessage(), e);
    }
    Multibinder.newSetBinder(binder(), EMBEDDING).addBinding()
        .toProvider((com.google.inject.Provider<Registration<EmbeddingFactory>>) definition::build);
    return definition;
  }

  /** Registers an inference method (for example NPE) under a kebab-case id. */
  protected final MethodDefinition method(String id) {
    MethodDefinition definition;
    try {
      definition = new MethodDefinition(id, origin);
    } catch (IllegalArgumentException e) {
      throw new PluginException("plugin " + origin + ": method " + e.getMessage(), e);
    }
    Multibinder.newSetBinder(binder(), METHOD).addBinding()
        .toProvider((com.google.inject.Provider<Registration<InferenceMethod>>) definition::build);
    return definition;
  }

  /** The plugin's class name, and the jar it came from when it was loaded from a plugin directory. */
  public final String origin() {
    return origin;
  }

  final void setOrigin(String origin) {
    this.origin = origin;
  }
}
