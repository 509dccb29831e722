package org.jsbi.inference.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import org.jsbi.api.Model;

/**
 * The plugin jar that a posterior's model came from, recorded in {@code posterior.json} (its path and SHA-256), so
 * that a later command finds the model again where the jar still is, or says in one line which jar to pass.
 * Models on jsbi's own class path have none.
 */
public record PluginOrigin(Path jar, String sha256) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where {@code model}'s simulator (else its prior) was loaded from, when that was a plugin directory's jar. */
  static Optional<PluginOrigin> of(Model model) throws IOException {
    for (Class<?> c : new Class<?>[] {model.simulator().getClass(), model.prior().getClass()}) {
      if (c.getClassLoader() instanceof URLClassLoader loader && loader.getName() != null
          && loader.getName().startsWith("jsbi-plugin:")) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source != null) {
          try {
            Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Optional.of(new PluginOrigin(jar, PosteriorStore.sha256(Files.readAllBytes(jar))));
          } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty(); // not a file: nothing to find again
          }
        }
      }
    }
    return Optional.empty();
  }

  void writeTo(ObjectNode modelNode) {
    modelNode.putObject("plugin").put("jar", jar.toString()).put("sha256", sha256);
  }

  static Optional<PluginOrigin> from(JsonNode modelNode) {
    JsonNode p = modelNode.path("plugin");
    return p.isObject() ? Optional.of(new PluginOrigin(Path.of(p.path("jar").asText()), p.path("sha256").asText()))
        : Optional.empty();
  }

  /**
   * The model id and plugin origin recorded in the posterior saved in {@code dir}, read without checking the rest;
   * empty when there is none, or the directory is not a readable posterior (loading it then says why).
   */
  public static Optional<Recorded> recorded(Path dir) {
    try {
      JsonNode model = JSON.readTree(dir.resolve(PosteriorStore.METADATA).toFile()).path("model");
      return from(model).map(o -> new Recorded(model.path("id").asText(), o));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A posterior's model id and the plugin jar it came from. */
  public record Recorded(String modelId, PluginOrigin origin) {}

  /** Whether the jar is still where it was, unchanged. */
  public boolean present() {
    try {
      return Files.isRegularFile(jar) && PosteriorStore.sha256(Files.readAllBytes(jar)).equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  /** Where model {@code modelId} came from, in words: the jar's path and the start of its SHA-256. */
  public String describe(String modelId) {
    return "model '" + modelId + "' was trained from the plugin jar " + jar + " (SHA-256 "
        + sha256.substring(0, Math.min(12, sha256.length())) + "…)";
  }

  /** The one-line advice, in Java, when the model is missing from the plugins loaded. */
  String advice(String modelId) {
    return present() ? describe(modelId) + "; load it into the registry (new PluginLoader().jar(" + jar + "))"
        : describe(modelId) + ", which is no longer there or has changed; load the jar that registers '" + modelId
            + "' into the registry (PluginLoader.jar or PluginLoader.directories)";
  }
}
