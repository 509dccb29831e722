package org.jsbi.plugins;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EmbeddingFactory;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.method.InferenceMethod;

/**
 * Everything the loaded plugins registered, by id. Closing the registry closes the class loaders of plugin
 * jars; models from those jars must not be used afterwards.
 */
public final class Registry implements Closeable {
  private final Map<String, Registration<Model>> models;
  private final Map<String, Registration<EstimatorFactory>> estimators;
  private final Map<String, Registration<InferenceMethod>> methods;
  private final Map<String, Registration<EmbeddingFactory>> embeddings;
  private final List<? extends Closeable> classLoaders;

  Registry(Collection<Registration<Model>> models, Collection<Registration<EstimatorFactory>> estimators,
      Collection<Registration<InferenceMethod>> methods, Collection<Registration<EmbeddingFactory>> embeddings,
      List<? extends Closeable> classLoaders) {
    this.models = byId("model", models);
    this.estimators = byId("estimator", estimators);
    this.methods = byId("method", methods);
    this.embeddings = byId("embedding", embeddings);
    this.classLoaders = List.copyOf(classLoaders);
  }

  private static <T> Map<String, Registration<T>> byId(String kind, Collection<Registration<T>> registrations) {
    Map<String, Registration<T>> out = new TreeMap<>();
    List<Registration<T>> sorted = new ArrayList<>(registrations);
    sorted.sort((a, b) -> a.plugin().compareTo(b.plugin()));
    for (Registration<T> r : sorted) {
      Registration<T> previous = out.putIfAbsent(r.id(), r);
      if (previous != null) {
        String also = previous.plugin().equals(r.plugin()) ? " twice" : " and by " + r.plugin();
        throw new PluginException(kind + " id '" + r.id() + "' is registered by " + previous.plugin() + also
            + "; ids must be unique: rename one or remove one of the plugins");
      }
    }
    return out;
  }

  /** The model with this id, or an error that lists the known ids. */
  public Model model(String id) {
    Registration<Model> r = models.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown model '" + id + "'; known models: "
          + String.join(", ", models.keySet()) + " (run 'jsbi models' to see them described)");
    }
    return r.value();
  }

  public Optional<Model> findModel(String id) {
    return Optional.ofNullable(models.get(id)).map(Registration::value);
  }

  /** All models, sorted by id. */
  public List<Model> models() {
    return models.values().stream().map(Registration::value).toList();
  }

  /** The plugin that registered a model. */
  public String pluginOf(String modelId) {
    model(modelId);
    return models.get(modelId).plugin();
  }

  /** The estimator factory with this id, or an error that lists the known ids. */
  public EstimatorFactory estimator(String id) {
    Registration<EstimatorFactory> r = estimators.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown estimator '" + id + "'; known estimators: "
          + (estimators.isEmpty() ? "none (is jsbi-inference on the class path?)"
              : String.join(", ", estimators.keySet())));
    }
    return r.value();
  }

  /** The registered estimator ids, sorted. */
  public List<String> estimatorIds() {
    return List.copyOf(estimators.keySet());
  }

  /** The inference method with this id, or an error that lists the known ids. */
  public InferenceMethod method(String id) {
    Registration<InferenceMethod> r = methods.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown method '" + id + "'; known methods: "
          + (methods.isEmpty() ? "none (is jsbi-inference on the class path?)" : String.join(", ", methods.keySet()))
          + " (run 'jsbi methods' to see them described)");
    }
    return r.value();
  }

  /** The registered method ids, sorted. */
  public List<String> methodIds() {
    return List.copyOf(methods.keySet());
  }

  /** The embedding network with this id, or an error that lists the known ids. */
  public EmbeddingFactory embedding(String id) {
    Registration<EmbeddingFactory> r = embeddings.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown embedding '" + id + "'; known embeddings: "
          + (embeddings.isEmpty() ? "none (is jsbi-inference on the class path?)"
              : String.join(", ", embeddings.keySet())) + " (run 'jsbi embeddings' to see them described)");
    }
    return r.value();
  }

  /** The registered embedding ids, sorted. */
  public List<String> embeddingIds() {
    return List.copyOf(embeddings.keySet());
  }

  @Override
  public void close() throws IOException {
    for (Closeable loader : classLoaders) {
      loader.close();
    }
  }
}
