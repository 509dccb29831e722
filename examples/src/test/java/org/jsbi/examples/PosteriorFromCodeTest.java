package org.jsbi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.inference.checks.C2st;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class PosteriorFromCodeTest {
  @Test
  void theReadmeNpeExampleRunsAndSavesAPosterior(@TempDir Path dir) throws Exception {
    PosteriorSamples s = PosteriorFromCode.twoMoons(2000, 1, dir.resolve("posterior"));
    assertThat(s.samples().rows()).isEqualTo(10_000);
    assertThat(s.samples().cols()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("posterior").resolve("posterior.json"))).isTrue();
    // against two-moons' exact posterior at the example's observation: sbibm's NPE scores 0.725 at 10³ simulations
    double[] xObserved = {-0.6396706, 0.16234657};
    try (Registry registry = Plugins.load()) {
      Batch exact = registry.model("two-moons").referencePosterior().orElseThrow().sample(10_000, xObserved,
          new RandomStreams(4).single(RandomStreams.Purpose.SAMPLER));
      assertThat(C2st.score(s.samples(), exact, 5)).isLessThan(0.7);
    }
  }
}
