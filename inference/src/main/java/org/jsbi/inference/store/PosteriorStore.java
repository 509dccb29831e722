package org.jsbi.inference.store;

import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.TrainingCheckpointFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsbi.api.Model;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.io.FileTrees;
import org.jsbi.api.io.Sha256;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.plugins.Registry;

/**
 * Saves trained posteriors to a directory and loads them back, in another process too: {@code posterior.json}
 * (metadata, readable) and {@code weights.bin} (little-endian float32 tensors, checked by SHA-256). No Java
 * serialization. A directory is written beside its target and renamed into place, so a crash leaves either the old
 * posterior or the new one.
 */
public final class PosteriorStore {
  public static final String FORMAT = "jsbi-posterior";
  /** 4: the method's settings in a {@code settings} object, for any registered method; 3 added checksums.sha256. */
  public static final int FORMAT_VERSION = 4;
  static final String METADATA = "posterior.json";
  static final String WEIGHTS = "weights.bin";
  /** SHA-256 of every other file, in the format of {@code sha256sum}, so {@code sha256sum -c} checks them too. */
  static final String CHECKSUMS = "checksums.sha256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PosteriorStore() {}

  /**
   * Refuses, before any work, a {@code dir} that {@link #save} would refuse: one that exists and is neither empty
   * (but for a {@link TrainingCheckpointFile}) nor a jsbi posterior directory.
   */
  public static void checkReplaceable(String option, Path dir) throws IOException {
    if (Files.exists(dir) && !Files.exists(dir.resolve(METADATA)) && !isEmptyDirectory(dir)) {
      throw new IllegalArgumentException(option + ": '" + dir + "' exists and is not a jsbi posterior directory; "
          + "choose a new directory");
    }
  }

  /** Writes {@code posterior} to {@code dir}, replacing an earlier jsbi posterior there. */
  public static void save(TrainedPosterior posterior, Path dir) throws IOException {
    Path target = dir.toAbsolutePath();
    checkReplaceable("dir", dir);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp");
    try {
      EstimatorState state = posterior.estimator().state();
      byte[] weights = weightBytes(state.weights());
      ObjectNode json = PosteriorJson.write(posterior, state, sha256(weights));
      byte[] metadata = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
      Files.write(tmp.resolve(WEIGHTS), weights);
      Files.write(tmp.resolve(METADATA), metadata);
      Files.writeString(tmp.resolve(CHECKSUMS), sha256(metadata) + "  " + METADATA + "\n" + sha256(weights) + "  "
          + WEIGHTS + "\n");
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // temporary directories start private; a saved posterior is meant to be shared like any other file
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Path old = null;
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        FileTrees.delete(old);
      }
    } finally {
      if (Files.exists(tmp)) {
        FileTrees.delete(tmp);
      }
    }
  }

  /**
   * Loads a posterior saved by {@link #save}; the model and the estimator kind are looked up in {@code registry}.
   * Refuses, with a message that names the problem, a directory that is missing, corrupt, of another format
   * version, or trained for a model that has since changed.
   */
  public static TrainedPosterior load(Path dir, Registry registry) throws IOException {
    return load("dir", dir, registry);
  }

  /**
   * As {@link #load(Path, Registry)}, with messages that name {@code argument} (a command-line option such as
   * {@code --posterior}) instead of the Java argument {@code dir}.
   */
  public static TrainedPosterior load(String argument, Path dir, Registry registry) throws IOException {
    return load(argument, dir, registry, Map.of(), null);
  }

  /**
   * As {@link #load(String, Path, Registry)}, with the estimator restored with other values of its sampling options
   * ({@link EstimatorFactory#samplingOptions()}), such as an ODE solver's steps; {@code optionArgument} names them in
   * messages. Any other hyper-parameter is refused in one line: it would need other weights.
   */
  public static TrainedPosterior load(String argument, Path dir, Registry registry, Map<String, String> sampling,
      String optionArgument) throws IOException {
    Path metadata = dir.resolve(METADATA);
    byte[] metadataBytes = metadataBytes(argument, dir);
    JsonNode json = parse(argument, metadata, metadataBytes);
    if (json.path("formatVersion").asInt() >= 3) {
      checkMetadata(argument, dir, metadataBytes);
    }
    byte[] weights = readWeights(argument, dir.resolve(WEIGHTS), json.path("weights").path("sha256").asText());
    String modelId = json.path("model").path("id").asText();
    if (registry.findModel(modelId).isEmpty()) {
      Optional<PluginOrigin> origin = PluginOrigin.from(json.path("model"));
      if (origin.isPresent()) {
        throw new IllegalArgumentException(argument + ": " + origin.get().advice(modelId));
      }
    }
    Model model = registry.model(modelId);
    String savedPrior = json.path("model").path("prior").asText();
    if (!savedPrior.equals(model.prior().describe())) {
      throw new IllegalArgumentException(argument + ": model '" + model.id() + "' has changed since this posterior "
          + "was trained (prior was " + savedPrior + ", is now " + model.prior().describe() + "); retrain it");
    }
    EstimatorState state = PosteriorJson.estimatorState(json, floatsByName(argument, json, weights));
    String methodId = json.path("method").asText();
    InferenceMethod method;
    try {
      method = registry.method(methodId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(argument + ": " + metadata + " was saved by method '" + methodId + "', "
          + "which no loaded plugin registers: " + e.getMessage());
    }
    EstimatorFactory factory = registry.estimator(state.kind());
    org.jsbi.api.estimator.ConditionalDensityEstimator estimator;
    if (sampling.isEmpty()) {
      estimator = factory.restore(state);
    } else {
      try {
        estimator = factory.restore(withSampling(state, factory, sampling, optionArgument));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(optionArgument) ? e
            : new IllegalArgumentException(optionArgument + " " + sampling + ": " + e.getMessage());
      }
    }
    try {
      return method.restore(model, estimator, PosteriorJson.training(json), PosteriorJson.settings(json));
    } catch (IllegalArgumentException e) {
      estimator.close();
      throw new IllegalArgumentException(argument + ": " + metadata + " " + e.getMessage());
    }
  }

  private static EstimatorState withSampling(EstimatorState state, EstimatorFactory factory, Map<String, String> set,
      String argument) {
    for (String name : set.keySet()) {
      if (!factory.samplingOptions().contains(name)) {
        throw new IllegalArgumentException(argument + " " + name + ": expected one of the options a trained "
            + state.kind() + " can change, " + new java.util.TreeSet<>(factory.samplingOptions()) + ", got '" + name
            + "'; the others shape the weights: retrain with 'jsbi train --estimator-option " + name + "=...'");
      }
    }
    Map<String, String> h = new java.util.LinkedHashMap<>(state.hyperParameters());
    h.putAll(set);
    return new EstimatorState(state.kind(), state.inputDim(), state.conditionDim(), h, state.input(),
        state.condition(), state.weights(), state.history());
  }

  /**
   * The parsed {@code posterior.json} of the posterior in {@code dir}, checked for its format only: for describing
   * a posterior without loading its model or estimator ({@code jsbi inspect}).
   */
  public static JsonNode describe(String argument, Path dir) throws IOException {
    return parse(argument, dir.resolve(METADATA), metadataBytes(argument, dir));
  }

  /**
   * "ok" when every file that {@code checksums.sha256} lists matches it; otherwise which do not, or that the
   * directory predates checksums.
   */
  public static String checksumStatus(Path dir) throws IOException {
    Path sums = dir.resolve(CHECKSUMS);
    if (!Files.isRegularFile(sums)) {
      return "none recorded (saved before format 3)";
    }
    java.util.List<String> bad = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(sums)) {
      int gap = line.indexOf("  ");
      if (gap < 0) {
        continue;
      }
      Path file = dir.resolve(line.substring(gap + 2));
      if (!Files.isRegularFile(file)) {
        bad.add(file.getFileName() + " missing");
      } else if (!sha256(Files.readAllBytes(file)).equals(line.substring(0, gap))) {
        bad.add(file.getFileName() + " changed");
      }
    }
    return bad.isEmpty() ? "ok" : "FAILED: " + String.join(", ", bad);
  }

  private static byte[] metadataBytes(String argument, Path dir) throws IOException {
    Path metadata = dir.resolve(METADATA);
    if (!Files.isRegularFile(metadata)) {
      throw new IllegalArgumentException(argument + ": '" + dir + "' is not a jsbi posterior directory ("
          + METADATA + " is missing); pass a directory written by 'jsbi train' or PosteriorStore.save");
    }
    return Files.readAllBytes(metadata);
  }

  private static JsonNode parse(String argument, Path metadata, byte[] bytes) {
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(argument + ": " + metadata + " is corrupt (" + firstLine(e) + "); "
          + "train the posterior again");
    }
    PosteriorJson.checkFormat(argument, json, metadata);
    return json;
  }

  /** Refuses a posterior.json that differs from the one saved: hand-edited, or damaged, even where it still parses. */
  private static void checkMetadata(String argument, Path dir, byte[] metadata) throws IOException {
    Path sums = dir.resolve(CHECKSUMS);
    if (!Files.isRegularFile(sums)) {
      throw new IllegalArgumentException(argument + ": " + sums + " is missing; the directory is incomplete, so "
          + "train the posterior again or restore the directory");
    }
    String expected = Files.readAllLines(sums).stream().filter(l -> l.endsWith("  " + METADATA))
        .map(l -> l.substring(0, l.indexOf(' '))).findFirst().orElse("");
    if (!sha256(metadata).equals(expected)) {
      throw new IllegalArgumentException(argument + ": " + dir.resolve(METADATA) + " was changed after it was saved "
          + "(its SHA-256 does not match " + CHECKSUMS + "); a hand-edited posterior is refused: train it again, or "
          + "restore the saved directory");
    }
  }

  private static byte[] readWeights(String argument, Path file, String expectedSha) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(argument + ": " + file + " is missing; the directory is incomplete");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!sha256(bytes).equals(expectedSha)) {
      throw new IllegalArgumentException(argument + ": " + file + " is corrupt (its SHA-256 does not match "
          + METADATA + "); train the posterior again or restore the directory");
    }
    return bytes;
  }

  private static Map<String, float[]> floatsByName(String argument, JsonNode json, byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, float[]> out = new LinkedHashMap<>();
    for (JsonNode t : json.path("weights").path("tensors")) {
      float[] values = new float[t.path("length").asInt()];
      if (buf.remaining() < 4L * values.length) {
        throw new IllegalArgumentException(argument + ": " + WEIGHTS + " is shorter than " + METADATA + " says");
      }
      buf.asFloatBuffer().get(values);
      buf.position(buf.position() + 4 * values.length);
      out.put(t.path("name").asText(), values);
    }
    return out;
  }

  private static byte[] weightBytes(Map<String, float[]> weights) {
    int total = weights.values().stream().mapToInt(w -> w.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(4 * total).order(ByteOrder.LITTLE_ENDIAN);
    weights.values().forEach(w -> {
      for (float v : w) {
        buf.putFloat(v);
      }
    });
    return buf.array();
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  /** Whether {@code dir} holds nothing, or nothing but the checkpoint of a training run that will save here. */
  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(p -> p.getFileName().toString().equals(TrainingCheckpointFile.NAME));
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
