package org.jsbi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jsbi.api.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one per-index random stream, which the simulation runner creates twice per simulation.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RandomStreamsBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomStreamsBenchmark {
  private final RandomStreams streams = new RandomStreams(1);
  private long index;

  @Benchmark
  public long createStreamAndDraw() {
    return streams.stream(index++, RandomStreams.Purpose.SIMULATOR).nextLong();
  }
}
