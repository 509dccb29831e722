package org.jsbi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.examples.sir.SirSimulator;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
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
 * The learned simulator against the simulator it emulates: an SIR epidemic in a population of 100,000 (Gillespie,
 * about 3 ms a run), and a MAF likelihood trained by NLE on 2,000 of its runs. Both go through the simulation
 * runner on one thread, 64 simulations per call, so the figures are directly comparable; {@code surrogate10000}
 * shows the surrogate's throughput when batches are large.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SurrogateBenchmark} (set-up trains for a minute).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class SurrogateBenchmark {
  private Model sir;
  private Model surrogate;
  private NlePosterior nle;
  private final SimulationRunner oneThread = new SimulationRunner(SimulationOptions.defaults().withThreads(1));

  @Setup(Level.Trial)
  public void setUp() {
    sir = Model.builder("sir-large")
        .prior(Priors.independent(new org.apache.commons.math3.distribution.LogNormalDistribution(Math.log(0.4), 0.1),
            new org.apache.commons.math3.distribution.LogNormalDistribution(Math.log(1.0 / 8), 0.05)))
        .simulator(new SirSimulator(100_000))
        .build();
    SimulationSet sims = new SimulationRunner(SimulationOptions.defaults()).run(sir, 2000, 1);
    nle = new Nle(sir, new FlowFactory(FlowSpec.maf())).train(sims, TrainingConfig.defaults(2));
    surrogate = Model.builder("sir-surrogate").prior(sir.prior()).simulator(nle.surrogate()).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    nle.close();
  }

  @Benchmark
  public SimulationSet simulator64() {
    return oneThread.run(sir, 64, 3);
  }

  @Benchmark
  public SimulationSet surrogate64() {
    return oneThread.run(surrogate, 64, 3);
  }

  @Benchmark
  public SimulationSet surrogate10000() {
    return oneThread.run(surrogate, 10_000, 3);
  }
}
