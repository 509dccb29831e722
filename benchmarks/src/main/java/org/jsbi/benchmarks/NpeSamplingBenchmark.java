package org.jsbi.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Amortized NPE sampling in-process, on the default estimator (nsf) trained on 10,000 two-moons simulations: 10,000
 * draws for one observation, 1,000 draws for each of 1,000 observations, and one draw (the fixed cost of a call
 * through the sampler and TensorFlow). Targets from issue 27: 50 ms and 5 s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NpeSamplingBenchmark} (set-up trains for ~20 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NpeSamplingBenchmark {
  private static final double[] XO = {-0.6396706, 0.16234657}; // sbibm's observation 1
  private Registry registry;
  private NpePosterior posterior;
  private Batch thousand;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    registry = new PluginLoader().load();
    Model model = registry.model("two-moons");
    posterior = new Npe(model, registry.estimator("nsf")).train(Simulations.run(model, 10_000, 1),
        TrainingConfig.defaults(1));
    SplittableRandom rng = new SplittableRandom(7);
    thousand = Batch.zeros(1000, 2);
    for (int i = 0; i < 1000; i++) {
      thousand.set(i, 0, rng.nextDouble() - 0.5);
      thousand.set(i, 1, rng.nextDouble() - 0.5);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws java.io.IOException {
    posterior.close();
    registry.close();
  }

  @Benchmark
  public PosteriorSamples draws10000OneObservation() {
    return posterior.sample(10_000, XO, seed++);
  }

  @Benchmark
  public List<PosteriorSamples> draws1000ThousandObservations() {
    return posterior.sample(1000, thousand, seed++);
  }

  @Benchmark
  public PosteriorSamples oneDraw() {
    return posterior.sample(1, XO, seed++);
  }
}
