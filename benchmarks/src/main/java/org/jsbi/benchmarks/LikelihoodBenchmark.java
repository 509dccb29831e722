package org.jsbi.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
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
 * One batched likelihood evaluation, log q(x | θ) for {@code rows} rows: what NLE's slice sampler pays per round.
 * A round evaluates one row per chain still working: 500 when all the chains for 10,000 draws are, a few when only
 * the slowest are left. Comparing the row counts separates a call's fixed cost from its cost per row. A flow at
 * sbi's sizes (5 transforms of 50 hidden units, 10 spline bins) with x and θ of the same dimension, 2 as in
 * two-moons or 10 as in gaussian-linear; the weights come from two epochs on Gaussian noise, since the cost does not
 * depend on them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LikelihoodBenchmark}, with {@code -p rows=1,50,500} for
 * the cost by rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LikelihoodBenchmark {
  @Param({"maf", "nsf"})
  public String kind;

  @Param({"2", "10"})
  public int dim;

  @Param({"500"})
  public int rows;

  private ConditionalDensityEstimator likelihood;
  private Batch x;
  private Batch theta;

  @Setup(Level.Trial)
  public void setUp() {
    FlowSpec spec = kind.equals("maf") ? FlowSpec.maf() : FlowSpec.nsf();
    likelihood = new FlowFactory(spec).train(noise(2000, 1), noise(2000, 2),
        TrainingConfig.defaults(3).withMaxEpochs(2), TrainingListener.NONE);
    x = noise(rows, 4);
    theta = noise(rows, 5);
  }

  private Batch noise(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[n * dim];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextDouble(-2, 2);
    }
    return Batch.wrap(n, dim, values);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    likelihood.close();
  }

  @Benchmark
  public double[] logProb() {
    return likelihood.logProb(x, theta);
  }
}
