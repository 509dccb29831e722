package org.jsbi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows code that the build compiles: every block marked {@code <!-- compiled: PATH -->} must equal
 * the file at PATH, so the README cannot drift from code that builds and is tested.
 */
class ReadmeExamplesTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- compiled: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyCompiledBlockInTheReadmeEqualsItsSourceFile() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    Matcher m = BLOCK.matcher(readme);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String source = Files.readString(root.resolve(m.group(1)));
      assertThat(m.group(2).strip()).as("README block for %s", m.group(1)).isEqualTo(source.strip());
    }
    assertThat(blocks).as("compiled blocks in README.md").isGreaterThanOrEqualTo(4);
  }
}
