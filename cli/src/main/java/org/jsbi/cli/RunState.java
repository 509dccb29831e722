package org.jsbi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsbi.api.io.AtomicFiles;

/**
 * {@code run.json}, the marker of a {@code jsbi run} directory: written first with status "running" and the
 * arguments that determine the result, and rewritten with status "complete" after every other file. A directory
 * whose marker says "running" was interrupted; {@code run --resume} finishes it when the arguments match.
 */
final class RunState {
  static final String FILE = "run.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, String> arguments;

  RunState(Path dir, Map<String, String> arguments) {
    this.file = dir.resolve(FILE);
    this.arguments = Map.copyOf(arguments);
  }

  /**
   * Checks, before any work, that {@code --resume} may continue the run in the directory: it must hold an
   * interrupted run of the same arguments. Returns false where there is nothing yet (a fresh start).
   */
  boolean checkResumable(Path dir) throws IOException {
    if (!Files.exists(file)) {
      if (Files.isDirectory(dir) && Files.list(dir).findAny().isPresent()) {
        throw new IllegalArgumentException("--resume: '" + dir + "' holds no " + FILE + ", so it is not a jsbi run "
            + "directory; choose a new --output, or pass --force to replace what it holds");
      }
      return false;
    }
    JsonNode json;
    try {
      json = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume: " + file + " is corrupt; pass --force to run again from the "
          + "start");
    }
    if ("complete".equals(json.path("status").asText())) {
      throw new IllegalArgumentException("--resume: the run in '" + dir + "' is complete; nothing to resume (pass "
          + "--force to run it again)");
    }
    JsonNode saved = json.path("arguments");
    for (var e : arguments.entrySet()) {
      String was = saved.path(e.getKey()).asText(null);
      if (!e.getValue().equals(was)) {
        throw new IllegalArgumentException("--resume: the run in '" + dir + "' was started with " + e.getKey()
            + " " + was + ", not " + e.getValue() + "; resume with the same arguments, or pass --force to start "
            + "again");
      }
    }
    return true;
  }

  void running() throws IOException {
    write("running");
  }

  void complete() throws IOException {
    write("complete");
  }

  private void write(String status) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", status);
    ObjectNode args = root.putObject("arguments");
    new java.util.TreeMap<>(arguments).forEach(args::put);
    AtomicFiles.write(file, w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)));
  }
}
