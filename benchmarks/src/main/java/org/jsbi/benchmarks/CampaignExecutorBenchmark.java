package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.CampaignExecutor;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.LocalCampaignExecutor;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationStore;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;
import org.jsbi.spark.SparkCampaignExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A durable campaign on this machine's threads against the same campaign on embedded Spark ({@code local[2]}),
 * both with two cores and writing the same chunks into a fresh store:
 * <ul>
 *   <li>{@code sirCity}: 2,000 simulations of {@code sir-city} (an SIR epidemic in 100,000 people, milliseconds
 *       each) in 20 chunks of 100; throughput is 2,000 / the time per operation;
 *   <li>{@code tinyChunks}: 64 chunks of one two-moons simulation each, so the time per operation divided by 64
 *       is the cost of a chunk on that executor (for Spark: one job, task serialization, the model rebuilt from
 *       its plugins, and the result sent back).
 * </ul>
 * Spark starts once per trial, outside the timing.
 *
 * <p>Run (Spark is not in benchmarks.jar; the command line's lib folder has it):
 * {@code java -cp "benchmarks/target/benchmarks.jar:cli/target/lib/*" org.openjdk.jmh.Main CampaignExecutorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"})
public class CampaignExecutorBenchmark {
  @Param({"local", "spark"})
  public String executor;

  private Registry registry;
  private CampaignExecutor campaigns;
  private Model sirCity;
  private Model twoMoons;
  private Path dir;
  private int run;

  @Setup(Level.Trial)
  public void start() throws IOException {
    registry = new PluginLoader().load();
    sirCity = registry.model("sir-city");
    twoMoons = registry.model("two-moons");
    campaigns = executor.equals("spark") ? SparkCampaignExecutor.start("local[2]", List.of())
        : new LocalCampaignExecutor(SimulationOptions.defaults().withThreads(2));
    dir = Files.createTempDirectory("campaign-bench");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (campaigns instanceof SparkCampaignExecutor spark) {
      spark.close();
    }
    registry.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private int campaign(Model model, int n, int chunk) throws IOException {
    SimulationStore store = SimulationStore.create(dir.resolve("c" + run++), model, n, run, chunk);
    return store.run(campaigns, InvalidPolicy.KEEP, e -> { }, ProgressListener.NONE).theta().rows();
  }

  @Benchmark
  public int sirCity() throws IOException {
    return campaign(sirCity, 2000, 100);
  }

  @Benchmark
  public int tinyChunks() throws IOException {
    return campaign(twoMoons, 64, 1);
  }
}
