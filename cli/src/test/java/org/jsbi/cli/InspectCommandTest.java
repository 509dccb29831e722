package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsbi inspect describes a saved posterior, its provenance and the state of its checksums, without loading it. */
class InspectCommandTest {
  @TempDir Path dir;

  @Test
  void describesTheMethodTrainingAndProvenanceAndChecksTheFiles() throws IOException {
    Path p = dir.resolve("p");
    CliRun.succeeding("train", "--model", "two-moons", "--estimator", "maf", "--num-simulations", "300", "--seed",
        "4", "--max-epochs", "3", "-q", "--output", p.toString());
    String out = CliRun.succeeding("inspect", p.toString()).out();
    assertThat(out).startsWith("posterior   " + p + " (format 4, checksums ok)\n")
        .contains("method      npe {\"thetaSpace\":\"auto\"}\n")
        .contains("can         sampled directly, normalized log-density, amortized (any x)\n")
        .contains("model       two-moons: θ [\"parameter_1\",\"parameter_2\"], x 2 values\n")
        .contains("estimator   maf ").contains("training    300 simulations (0 invalid left out, simulation seed 4), "
            + "3 epochs, best validation loss ")
        .containsPattern("simulations SHA-256 [0-9a-f]{64}\n").contains("java        " + System.getProperty(
            "java.version")).containsPattern("tensorflow  \\d+\\.\\d+").containsPattern("savedAt     \\d{4}-");

    byte[] weights = Files.readAllBytes(p.resolve("weights.bin"));
    weights[0] ^= 1;
    Files.write(p.resolve("weights.bin"), weights);
    assertThat(CliRun.succeeding("inspect", p.toString()).out())
        .startsWith("posterior   " + p + " (format 4, checksums FAILED: weights.bin changed)\n");
  }

  @Test
  void anNlePosteriorSaysItIsSampledByMcmcAndCanSimulate() {
    Path p = dir.resolve("nle");
    CliRun.succeeding("train", "--model", "two-moons", "--method", "nle", "--num-simulations", "300", "--max-epochs",
        "2", "-q", "--output", p.toString());
    assertThat(CliRun.succeeding("inspect", p.toString()).out()).contains("can         sampled by MCMC, unnormalized "
        + "or estimated log-density, amortized (any x), learned likelihood (a surrogate simulator)\n");
  }

  @Test
  void theSameSimulationsGiveTheSameHash() {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    for (Path p : new Path[] {a, b}) {
      CliRun.succeeding("train", "--model", "two-moons", "--estimator", "maf", "--num-simulations", "200", "--seed",
          "5", "--max-epochs", "1", "-q", "--output", p.toString());
    }
    String hash = hash(CliRun.succeeding("inspect", a.toString()).out());
    assertThat(hash(CliRun.succeeding("inspect", b.toString()).out())).isEqualTo(hash);
  }

  @Test
  void aDirectoryThatHoldsNoPosteriorIsRefused() {
    CliRun run = CliRun.of("inspect", dir.toString());
    assertThat(run.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(run.err()).isEqualTo("jsbi: error: DIR: '" + dir + "' is not a jsbi posterior directory "
        + "(posterior.json is missing); pass a directory written by 'jsbi train' or PosteriorStore.save\n");
  }

  private static String hash(String out) {
    return out.lines().filter(l -> l.startsWith("simulations SHA-256 ")).findFirst().orElseThrow();
  }
}
