package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/plugins.md shows the files that {@code jsbi new-plugin growth} writes as they are written; NewPluginTest
 * builds that project with Maven and infers its model, so the guide's worked example is compiled and run.
 */
class PluginGuideTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- written by jsbi new-plugin growth: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theGuideShowsTheFilesThatNewPluginWrites() throws IOException {
    String guide = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/plugins.md"));
    Map<String, String> files = new PluginProject("growth", "org.example.growth", "0").files();
    Matcher m = BLOCK.matcher(guide);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      assertThat(files).as("a file that new-plugin writes").containsKey(m.group(1));
      assertThat(m.group(2).strip()).as(m.group(1)).isEqualTo(files.get(m.group(1)).strip());
    }
    assertThat(blocks).isEqualTo(2);
  }
}
