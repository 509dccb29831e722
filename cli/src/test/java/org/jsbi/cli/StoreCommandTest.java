package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsbi simulate --store} and {@code --resume}, and training from a campaign directory. */
class StoreCommandTest {
  @TempDir Path dir;

  @Test
  void aStoredCampaignWritesTheSameCsvAsAPlainRunAndResumes() throws Exception {
    Path plain = dir.resolve("plain.csv");
    assertThat(CliRun.of("simulate", "--model", "slcp", "--num-simulations", "2500", "--seed", "4", "--output",
        plain.toString()).exitCode()).isZero();
    Path store = dir.resolve("campaign");
    Path viaStore = dir.resolve("store.csv");
    CliRun run = CliRun.of("simulate", "--model", "slcp", "--num-simulations", "2500", "--seed", "4", "--store",
        store.toString(), "--chunk-size", "300", "--output", viaStore.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllBytes(viaStore)).isEqualTo(Files.readAllBytes(plain));

    Files.delete(store.resolve("chunk-00000003.csv")); // as if the campaign had stopped there
    Path resumed = dir.resolve("resumed.csv");
    CliRun again = CliRun.of("simulate", "--model", "slcp", "--num-simulations", "2500", "--seed", "4", "--store",
        store.toString(), "--resume", "--output", resumed.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(plain));

    CliRun train = CliRun.of("train", "--model", "slcp", "--estimator", "maf", "--simulations", store.toString(),
        "--seed", "1", "--max-epochs", "2", "--output", dir.resolve("post").toString());
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("2500 simulations");
  }

  @Test
  void badStoreArgumentsGiveOneLineErrors() throws Exception {
    Path store = dir.resolve("c");
    assertThat(CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "100", "--seed", "1", "--store",
        store.toString()).exitCode()).isZero();
    CliRun exists = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "100", "--seed", "1",
        "--store", store.toString());
    assertThat(exists.err()).contains("already exists; add --resume");
    CliRun otherSeed = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "100", "--seed", "2",
        "--store", store.toString(), "--resume");
    assertThat(otherSeed.err()).contains("--resume: the campaign").contains("seed 1");
    CliRun noStore = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "100", "--seed", "1",
        "--resume", "--output", dir.resolve("x.csv").toString());
    assertThat(noStore.err()).contains("--resume: expected --store DIR");
    CliRun nowhere = CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "100", "--seed", "1");
    assertThat(nowhere.err()).contains("--output or --store: expected at least one place");
  }
}
