package org.jsbi.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jsbi.api.Batch;
import org.jsbi.inference.checks.C2st;
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
 * One C2ST as the benchmark protocol scores it: 10,000 samples against 10,000 reference samples, here two
 * standard Gaussians whose means differ by 0.1 in the first dimension (a score near 0.52, the regime of a good
 * posterior, where the classifier trains longest before it stops).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar C2stBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class C2stBenchmark {
  @Param({"2", "10"})
  int dim;

  private Batch samples;
  private Batch reference;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(1);
    samples = gaussian(rng, 0.1);
    reference = gaussian(rng, 0);
  }

  private Batch gaussian(SplittableRandom rng, double shift) {
    int n = 10_000;
    double[] v = new double[n * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian() + (i % dim == 0 ? shift : 0);
    }
    return Batch.wrap(n, dim, v);
  }

  @Benchmark
  public double score() {
    return C2st.score(samples, reference, 7);
  }
}
