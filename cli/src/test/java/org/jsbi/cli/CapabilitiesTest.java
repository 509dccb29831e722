package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line asks posteriors for capabilities (DESIGN.md, "Four kinds of plugin"), never for their types. */
class CapabilitiesTest {
  @Test
  void noCommandNamesAConcretePosteriorType() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).isNotEmpty();
      for (Path source : sources) {
        assertThat(Files.readString(source)).as(source.toString())
            .doesNotContain("NpePosterior").doesNotContain("NlePosterior");
      }
    }
  }
}
