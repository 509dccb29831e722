package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line asks posteriors for capabilities (DESIGN.md, "Four kinds of plugin"), never for their types, and
 * knows inference methods only through the registry.
 */
class CapabilitiesTest {
  @Test
  void noCommandNamesAConcretePosteriorType() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).isNotEmpty();
      for (Path source : sources) {
        String text = Files.readString(source);
        assertThat(text).as(source.toString())
            .doesNotContain("NpePosterior").doesNotContain("NlePosterior");
        // methods are looked up by id (registry.method): no command builds one or branches on its name
        assertThat(text).as(source.toString())
            .doesNotContain("new Npe(").doesNotContain("new Nle(").doesNotContain("\"npe\")")
            .doesNotContain("\"nle\")").doesNotContain("Method.npe").doesNotContain("Method.nle")
            .doesNotContainPattern("method\\(\\)\\s*\\.equals");
      }
    }
  }
}
