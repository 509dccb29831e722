package org.jsbi.inference.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jsbi.inference.tf.Sessions;

/**
 * Where and with what a posterior was saved: the Java and TensorFlow versions, the OS, the architecture and CPU
 * model (training is bit-for-bit reproducible on one CPU kind, not across kinds), and the time. jsbi's own version
 * is {@code jsbiVersion} beside it.
 */
final class Provenance {
  private Provenance() {}

  static void writeTo(ObjectNode provenance) {
    provenance.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    provenance.put("tensorflow", Sessions.tensorflowVersion());
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    provenance.put("arch", System.getProperty("os.arch"));
    provenance.put("cpu", cpuModel());
    provenance.put("savedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** The CPU's model name from /proc/cpuinfo (Linux), or "unknown" elsewhere. */
  static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "unknown";
    }
    try (var lines = Files.lines(info)) {
      return lines.filter(l -> l.toLowerCase(Locale.ROOT).startsWith("model name")).map(l -> l.substring(
          l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unknown";
    }
  }
}
