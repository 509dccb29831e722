package org.jsbi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsbi.inference.store.PosteriorStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jsbi inspect}: what a saved posterior is, how it was trained, where, and whether its files are intact. */
@Command(name = "inspect", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi inspect posterior/",
    description = "Describe a saved posterior without loading its model or estimator: the method and its settings, "
        + "the model (and the plugin jar it came from), the estimator, the training and its history, the provenance "
        + "(jsbi, Java and TensorFlow versions, OS, CPU, time, a hash of the simulations), and whether the files "
        + "match their checksums.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A posterior directory written by 'jsbi train'.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    JsonNode json = PosteriorStore.describe("DIR", dir);
    PrintWriter out = spec.commandLine().getOut();
    out.println("posterior   " + dir + " (format " + json.path("formatVersion").asInt() + ", checksums "
        + PosteriorStore.checksumStatus(dir) + ")");
    out.println("method      " + json.path("method").asText() + settings(json.path("settings")));
    if (json.has("capabilities")) {
      List<String> can = new ArrayList<>();
      json.path("capabilities").forEach(c -> can.add(c.asText()));
      out.println("can         " + String.join(", ", can));
    }
    JsonNode model = json.path("model");
    out.println("model       " + model.path("id").asText() + ": θ " + model.path("parameterNames") + ", x "
        + model.path("dataNames").size() + " values");
    out.println("prior       " + model.path("prior").asText());
    if (model.has("plugin")) {
      out.println("plugin jar  " + model.path("plugin").path("jar").asText() + " (SHA-256 "
          + model.path("plugin").path("sha256").asText() + ")");
    }
    JsonNode est = json.path("estimator");
    out.println("estimator   " + est.path("kind").asText() + " " + est.path("hyperParameters") + ", input "
        + est.path("inputDim").asInt() + ", condition " + est.path("conditionDim").asInt());
    JsonNode t = json.path("training");
    JsonNode h = t.path("history");
    JsonNode epochs = h.path("epochs");
    int best = h.path("bestEpoch").asInt();
    out.printf(Locale.ROOT, "training    %d simulations (%d invalid left out, simulation seed %d), %d epochs, best "
        + "validation loss %.4f at epoch %d, %.1f s%n", t.path("simulations").asInt(),
        t.path("invalidSimulations").asInt(), t.path("simulationSeed").asLong(), epochs.size(),
        best > 0 ? epochs.get(best - 1).get(2).asDouble() : Double.NaN, best,
        epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).get(3).asDouble());
    out.println("config      " + t.path("config"));
    if (t.has("simulationsSha256")) {
      out.println("simulations SHA-256 " + t.path("simulationsSha256").asText());
    }
    JsonNode p = json.path("provenance");
    out.println("jsbi        " + json.path("jsbiVersion").asText());
    if (!p.isMissingNode()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.printf("%-11s %s%n", e.getKey(), e.getValue().asText());
      }
    } else {
      out.println("provenance  not recorded (saved before format 4)");
    }
    return 0;
  }

  private static String settings(JsonNode s) {
    if (s.isMissingNode() || s.isEmpty()) {
      return "";
    }
    return " " + s;
  }
}
