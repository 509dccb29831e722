package org.jsbi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsbi.api.posterior.PosteriorSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosteriorFromCodeTest {
  @Test
  void theReadmeNpeExampleRunsAndSavesAPosterior(@TempDir Path dir) throws Exception {
    PosteriorSamples s = PosteriorFromCode.twoMoons(2000, 1, dir.resolve("posterior"));
    assertThat(s.samples().rows()).isEqualTo(10_000);
    assertThat(s.samples().cols()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("posterior").resolve("posterior.json"))).isTrue();
  }
}
