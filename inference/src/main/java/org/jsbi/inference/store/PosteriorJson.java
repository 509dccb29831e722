package org.jsbi.inference.store;

import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.Capabilities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;

/** The {@code posterior.json} layout: written and read field by field, so the file stays readable and explicit. */
final class PosteriorJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PosteriorJson() {}

  static ObjectNode write(TrainedPosterior posterior, EstimatorState state, String sha256) {
    ObjectNode root = F.objectNode();
    root.put("format", PosteriorStore.FORMAT);
    root.put("formatVersion", PosteriorStore.FORMAT_VERSION);
    String version = PosteriorStore.class.getPackage().getImplementationVersion();
    root.put("jsbiVersion", version == null ? "development" : version);
    Provenance.writeTo(root.putObject("provenance"));
    root.put("method", posterior.method());
    ObjectNode settings = root.putObject("settings");
    posterior.settings().forEach(settings::put);
    Capabilities.of(posterior).forEach(root.putArray("capabilities")::add);
    ObjectNode model = root.putObject("model");
    model.put("id", posterior.modelId());
    model.put("prior", posterior.model().prior().describe());
    posterior.parameterNames().forEach(model.putArray("parameterNames")::add);
    posterior.model().dataNames().forEach(model.putArray("dataNames")::add);
    try {
      PluginOrigin.of(posterior.model()).ifPresent(o -> o.writeTo(model));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the plugin jar of model '" + posterior.modelId() + "'", e);
    }
    ObjectNode est = root.putObject("estimator");
    est.put("kind", state.kind());
    est.put("inputDim", state.inputDim());
    est.put("conditionDim", state.conditionDim());
    state.hyperParameters().forEach(est.putObject("hyperParameters")::put);
    standardization(est.putObject("inputStandardization"), state.input());
    standardization(est.putObject("conditionStandardization"), state.condition());
    ObjectNode training = root.putObject("training");
    TrainingRecord record = posterior.training();
    training.put("simulations", record.simulations());
    training.put("invalidSimulations", record.invalidSimulations());
    training.put("simulationSeed", record.simulationSeed());
    if (!record.simulationsSha256().isEmpty()) {
      training.put("simulationsSha256", record.simulationsSha256());
    }
    TrainingConfig c = record.config();
    ObjectNode config = training.putObject("config");
    config.put("learningRate", c.learningRate());
    config.put("batchSize", c.batchSize());
    config.put("validationFraction", c.validationFraction());
    config.put("patience", c.patience());
    config.put("learningRateDrops", c.learningRateDrops());
    config.put("clipNorm", c.clipNorm());
    config.put("maxEpochs", c.maxEpochs());
    config.put("seed", c.seed());
    ObjectNode history = training.putObject("history");
    history.put("bestEpoch", state.history().bestEpoch());
    if (!Double.isNaN(state.history().supportLeak())) {
      history.put("supportLeak", state.history().supportLeak());
      history.put("finishFrom", state.history().finishFrom());
    }
    if (!state.history().dropEpochs().isEmpty()) {
      state.history().dropEpochs().forEach(history.putArray("dropEpochs")::add);
    }
    ArrayNode epochs = history.putArray("epochs");
    for (EpochStats e : state.history().epochs()) {
      epochs.addArray().add(e.epoch()).add(e.trainingLoss()).add(e.validationLoss()).add(e.elapsedSeconds());
    }
    ObjectNode weights = root.putObject("weights");
    weights.put("file", PosteriorStore.WEIGHTS);
    weights.put("encoding", "float32 little-endian, tensors concatenated in this order");
    weights.put("sha256", sha256);
    ArrayNode tensors = weights.putArray("tensors");
    state.weights().forEach((name, values) -> tensors.addObject().put("name", name).put("length", values.length));
    return root;
  }

  static void checkFormat(String argument, JsonNode json, Path file) {
    if (!PosteriorStore.FORMAT.equals(json.path("format").asText())) {
      throw new IllegalArgumentException(argument + ": " + file + " is not a jsbi posterior (format is '"
          + json.path("format").asText() + "', expected '" + PosteriorStore.FORMAT + "')");
    }
    int version = json.path("formatVersion").asInt(-1);
    if (version < 1 || version > PosteriorStore.FORMAT_VERSION) {
      throw new IllegalArgumentException(argument + ": " + file + " has format version " + version
          + ", but this jsbi reads versions 1 to " + PosteriorStore.FORMAT_VERSION + "; use the jsbi version that "
          + "wrote it (" + json.path("jsbiVersion").asText() + ") or retrain");
    }
  }

  static EstimatorState estimatorState(JsonNode json, Map<String, float[]> weights) {
    JsonNode est = json.path("estimator");
    Map<String, String> hyper = new LinkedHashMap<>();
    est.path("hyperParameters").fields().forEachRemaining(e -> hyper.put(e.getKey(), e.getValue().asText()));
    return new EstimatorState(est.path("kind").asText(), est.path("inputDim").asInt(),
        est.path("conditionDim").asInt(), hyper, standardization(est.path("inputStandardization")),
        standardization(est.path("conditionStandardization")), weights, history(json.path("training")
            .path("history")));
  }

  /**
   * The method's settings: the {@code settings} object from version 4 on; before, NPE's θ space alone, at the top
   * level (and absent from version 1 files).
   */
  static Map<String, String> settings(JsonNode json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json.has("settings")) {
      json.path("settings").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } else if (json.has("thetaSpace")) {
      out.put("thetaSpace", json.path("thetaSpace").asText());
    }
    return out;
  }

  static TrainingRecord training(JsonNode json) {
    JsonNode t = json.path("training");
    JsonNode c = t.path("config");
    return new TrainingRecord(t.path("simulations").asInt(), t.path("invalidSimulations").asInt(),
        t.path("simulationSeed").asLong(), new TrainingConfig(c.path("learningRate").asDouble(),
            c.path("batchSize").asInt(), c.path("validationFraction").asDouble(), c.path("patience").asInt(),
            c.path("learningRateDrops").asInt(0), c.path("clipNorm").asDouble(), c.path("maxEpochs").asInt(),
            c.path("seed").asLong()), t.path("simulationsSha256").asText(""));
  }

  private static TrainingHistory history(JsonNode h) {
    List<EpochStats> epochs = new ArrayList<>();
    for (JsonNode e : h.path("epochs")) {
      epochs.add(new EpochStats(e.get(0).asInt(), e.get(1).asDouble(), e.get(2).asDouble(), e.get(3).asDouble()));
    }
    List<Integer> drops = new ArrayList<>();
    h.path("dropEpochs").forEach(d -> drops.add(d.asInt()));
    return new TrainingHistory(epochs, h.path("bestEpoch").asInt(), h.path("supportLeak").asDouble(Double.NaN),
        h.path("finishFrom").asInt(0), drops);
  }

  private static void standardization(ObjectNode node, Standardization s) {
    ArrayNode mean = node.putArray("mean");
    for (double v : s.mean()) {
      mean.add(v);
    }
    ArrayNode std = node.putArray("std");
    for (double v : s.std()) {
      std.add(v);
    }
  }

  private static Standardization standardization(JsonNode node) {
    double[] mean = new double[node.path("mean").size()];
    double[] std = new double[node.path("std").size()];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = node.path("mean").get(i).asDouble();
    }
    for (int i = 0; i < std.length; i++) {
      std[i] = node.path("std").get(i).asDouble();
    }
    return new Standardization(mean, std);
  }
}
