package org.jsbi.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.Simulator;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.examples.sir.SirSimulator;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.SbibmPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation runner against a plain loop. {@code cheap*}: 100,000 two-moons simulations, where the runner's
 * own cost (per-index random streams, bookkeeping, threads) is all there is to see. {@code expensive*}: 64 SIR
 * epidemics in a population of 100,000 (about 190,000 Gillespie events each), where the speed-up from threads
 * shows.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulationRunnerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class SimulationRunnerBenchmark {
  static final int CHEAP_N = 100_000;
  static final int EXPENSIVE_N = 64;

  @Param({"1", "2"})
  public int threads;

  private Model twoMoons;
  private Model sir;

  @Setup
  public void setUp() {
    twoMoons = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model("two-moons");
    sir = Model.builder("sir-large")
        .prior(Priors.independent(new org.apache.commons.math3.distribution.LogNormalDistribution(Math.log(0.4), 0.1),
            new org.apache.commons.math3.distribution.LogNormalDistribution(Math.log(1.0 / 8), 0.05)))
        .simulator(new SirSimulator(100_000))
        .build();
  }

  /** The simplest loop a user could write: one generator, no threads, no failure handling. */
  static double plainLoop(Model model, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Simulator simulator = model.simulator();
    double[] theta = new double[n * model.parameterDim()];
    double[] x = new double[n * model.dataDim()];
    for (int i = 0; i < n; i++) {
      double[] t = model.prior().sample(rng);
      System.arraycopy(t, 0, theta, i * t.length, t.length);
      double[] out = simulator.simulate(t, rng);
      System.arraycopy(out, 0, x, i * out.length, out.length);
    }
    return x[x.length - 1] + theta[0];
  }

  @Benchmark
  public double cheapPlainLoop() {
    return plainLoop(twoMoons, CHEAP_N, 1); // single-threaded whatever the 'threads' parameter
  }

  @Benchmark
  public SimulationSet cheapRunner() {
    return new SimulationRunner(SimulationOptions.defaults().withThreads(threads)).run(twoMoons, CHEAP_N, 1);
  }

  @Benchmark
  public double expensivePlainLoop() {
    return plainLoop(sir, EXPENSIVE_N, 1);
  }

  @Benchmark
  public SimulationSet expensiveRunner() {
    return new SimulationRunner(SimulationOptions.defaults().withThreads(threads)).run(sir, EXPENSIVE_N, 1);
  }
}
