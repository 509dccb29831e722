package org.jsbi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.SimulationStore;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;
import org.jsbi.plugins.SbiPlugin;
import org.jsbi.plugins.testing.IdentitySimulator;
import org.jsbi.plugins.testing.PluginJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns on embedded Spark ({@code local[2]}) against the same campaigns on local threads. */
class SparkCampaignExecutorTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path pluginDir;
  private static Registry registry;
  private static SparkCampaignExecutor spark;

  @BeforeAll
  static void startSpark() throws IOException {
    pluginDir = Files.createDirectory(shared.resolve("plugins"));
    PluginJars.decayPlugin(pluginDir, "acme.jar");
    registry = new PluginLoader().directory(pluginDir).plugin(new DriverOnly()).load();
    spark = SparkCampaignExecutor.start("local[2]", List.of(pluginDir));
  }

  @AfterAll
  static void stopSpark() throws IOException {
    spark.close();
    registry.close();
  }

  /** A model the driver has but the executors cannot find: it is neither on the class path nor in a jar. */
  public static final class DriverOnly extends SbiPlugin {
    @Override
    protected void configure() {
      model("driver-only")
          .prior(Priors.boxUniform(1, 0, 1))
          .simulator(new IdentitySimulator())
          .parameterNames("a")
          .dataNames("b");
    }
  }

  private SimulationSet campaign(String name, Model model, int n, int chunk, boolean onSpark) throws IOException {
    SimulationStore store = SimulationStore.create(dir.resolve(name), model, n, 11, chunk);
    SimulationOptions options = SimulationOptions.defaults().withThreads(2);
    return onSpark ? store.run(spark, InvalidPolicy.KEEP, e -> { }, ProgressListener.NONE)
        : store.run(options.withPolicy(InvalidPolicy.KEEP), e -> { }, ProgressListener.NONE);
  }

  private List<byte[]> chunkFiles(String name) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve(name))) {
      for (Path p : files.sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void aCampaignOnSparkIsByteIdenticalToTheLocalOne() throws IOException {
    Model model = registry.model("two-moons");
    SimulationSet onSpark = campaign("spark", model, 3000, 250, true);
    SimulationSet local = campaign("local", model, 3000, 250, false);
    assertThat(onSpark.theta()).isEqualTo(local.theta());
    assertThat(onSpark.x()).isEqualTo(local.x());
    assertThat(chunkFiles("spark")).hasSize(13).containsExactlyElementsOf(chunkFiles("local"));
  }

  @Test
  void thePluginJarIsShippedToTheExecutorsAndInvalidRowsKeepTheirReasons() throws IOException {
    Model flaky = registry.model("acme-flaky");
    SimulationSet onSpark = campaign("spark", flaky, 400, 64, true);
    SimulationSet local = campaign("local", flaky, 400, 64, false);
    assertThat(onSpark.invalidCount()).isPositive().isEqualTo(local.invalidCount());
    for (int i = 0; i < local.invalidCount(); i++) {
      assertThat(onSpark.invalid().get(i).index()).isEqualTo(local.invalid().get(i).index());
      assertThat(onSpark.invalid().get(i).reason()).isEqualTo(local.invalid().get(i).reason());
    }
    assertThat(onSpark.invalid()).anySatisfy(s -> assertThat(s.reason()).contains("solver diverged"));
    assertThat(chunkFiles("spark")).containsExactlyElementsOf(chunkFiles("local"));
  }

  @Test
  void resumingOnSparkSimulatesOnlyTheMissingAndCorruptChunks() throws IOException {
    Model model = registry.model("two-moons");
    SimulationSet local = campaign("c", model, 1000, 100, false);
    Files.delete(dir.resolve("c").resolve("chunk-00000003.csv"));
    Path corrupt = dir.resolve("c").resolve("chunk-00000007.csv");
    Files.writeString(corrupt, Files.readString(corrupt).substring(0, 500));
    List<String> events = new ArrayList<>();
    SimulationSet resumed = SimulationStore.open(dir.resolve("c"), model)
        .run(spark, InvalidPolicy.KEEP, events::add, ProgressListener.NONE);
    assertThat(events).singleElement().asString().contains("chunk-00000007.csv").contains("corrupt");
    assertThat(resumed.x()).isEqualTo(local.x());
  }

  @Test
  void aModelTheExecutorsCannotFindFailsWithTheFix() throws IOException {
    SimulationStore store = SimulationStore.create(dir.resolve("d"), registry.model("driver-only"), 10, 1, 5);
    assertThatThrownBy(() -> store.run(spark, InvalidPolicy.KEEP, e -> { }, ProgressListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("model 'driver-only' is not among the plugins on this Spark executor")
        .hasMessageContaining("--plugins");
  }

  @Test
  void noMasterIsAClearError() {
    assertThatThrownBy(() -> SparkCampaignExecutor.start(null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--master: expected a Spark master URL");
  }
}
