package org.jsbi.api.simulation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.Prior;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.RandomStreams.Purpose;
import org.jsbi.api.Simulator;

/**
 * Runs simulations in parallel. Simulation i draws θ from its own {@link Purpose#PRIOR} stream and x from its
 * own {@link Purpose#SIMULATOR} stream, so the result depends on the seed alone, never on the thread count or
 * chunking. A simulator that throws, or returns non-finite values or the wrong length, does not stop the run:
 * the row is recorded as an {@link InvalidSimulation}.
 */
public final class SimulationRunner {
  private final SimulationOptions options;

  public SimulationRunner(SimulationOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Simulates {@code numSimulations} pairs (θ ~ prior, x ~ simulator(θ)). */
  public SimulationSet run(Model model, int numSimulations, long seed) {
    Objects.requireNonNull(model, "model");
    Arguments.positive("numSimulations", numSimulations);
    return execute(model, null, numSimulations, seed);
  }

  /** Simulates one x for each given row of θ (for example posterior samples), simulation i using row i. */
  public SimulationSet runFor(Model model, Batch theta, long seed) {
    Objects.requireNonNull(model, "model");
    Arguments.columns("theta", theta, model.parameterDim());
    Arguments.finiteBatch("theta", theta);
    Arguments.positive("theta.rows", theta.rows());
    return execute(model, theta, theta.rows(), seed);
  }

  /**
   * Simulates the indices {@code start} (inclusive) to {@code end} (exclusive) of a run of {@code seed}: the same
   * rows that {@link #run} gives for those indices, so a campaign can be simulated in pieces. The set's indices
   * and invalid simulations carry the global index.
   */
  public SimulationSet runRange(Model model, int start, int end, long seed) {
    Objects.requireNonNull(model, "model");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("start and end: expected 0 <= start < end, got " + start + " and " + end);
    }
    return execute(model, null, end - start, seed, start);
  }

  /**
   * Simulates {@code numSimulations} pairs as {@link #run} does, handing them to {@code sink} in blocks of {@code
   * blockSize} consecutive indices, in order, each as soon as it is done: memory holds one block, whatever the count.
   * The blocks together are exactly {@link #run}'s result. The listener sees the progress of the whole run.
   */
  public void runInBlocks(Model model, int numSimulations, long seed, int blockSize, SimulationSink sink)
      throws IOException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(sink, "sink");
    Arguments.positive("numSimulations", numSimulations);
    Arguments.positive("blockSize", blockSize);
    for (int start = 0; start < numSimulations; start += blockSize) {
      int offset = start;
      ProgressListener whole = options.listener();
      SimulationRunner block = new SimulationRunner(options.withListener(
          (done, total) -> whole.progress(offset + done, numSimulations)));
      sink.accept(block.runRange(model, start, Math.min(numSimulations, start + blockSize), seed));
    }
  }

  /**
   * A block size for {@link #runInBlocks} that keeps a block's θ and x to about 4 million numbers (32 MB), within
   * 1,000 to 131,072 simulations.
   */
  public static int blockSizeFor(Model model) {
    return Math.max(1000, Math.min(1 << 17, (4 << 20) / (model.parameterDim() + model.dataDim())));
  }

  private SimulationSet execute(Model model, Batch givenTheta, int n, long seed) {
    return execute(model, givenTheta, n, seed, 0);
  }

  private SimulationSet execute(Model model, Batch givenTheta, int n, long seed, int offset) {
    Work work = new Work(model, givenTheta, n, new RandomStreams(seed), offset);
    int chunk = options.chunkSize() > 0 ? options.chunkSize() : Math.max(1, Math.min(1024, n / (options.threads() * 16)));
    int chunks = (n + chunk - 1) / chunk;
    AtomicInteger nextChunk = new AtomicInteger();
    Runnable worker = () -> {
      for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
        if (options.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
          return;
        }
        int start = c * chunk;
        int end = Math.min(n, start + chunk);
        work.simulateRange(start, end);
        work.reportProgress(end - start, options.listener());
      }
    };
    int threads = Math.min(options.threads(), chunks);
    if (threads == 1) {
      worker.run();
    } else {
      runOnPool(worker, threads);
    }
    if (options.cancellation().isCancelled()) {
      throw new CancellationException("simulation cancelled after " + work.completed + " of " + n + " simulations");
    }
    return work.assemble(seed, options.policy());
  }

  private void runOnPool(Runnable worker, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "jsbi-simulation");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      options.cancellation().cancel();
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("simulation worker failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The shared output arrays of one run; each index is written by exactly one worker. */
  private static final class Work {
    private final Model model;
    private final Batch givenTheta;
    private final int n;
    private final RandomStreams streams;
    private final int pd;
    private final int dd;
    private final double[] theta;
    private final double[] x;
    private final String[] reasons;
    private final boolean vectorized;
    private final int offset;
    private long completed;

    Work(Model model, Batch givenTheta, int n, RandomStreams streams, int offset) {
      this.offset = offset;
      this.model = model;
      this.givenTheta = givenTheta;
      this.n = n;
      this.streams = streams;
      this.pd = model.parameterDim();
      this.dd = model.dataDim();
      this.theta = new double[Math.multiplyExact(n, pd)];
      this.x = new double[Math.multiplyExact(n, dd)];
      this.reasons = new String[n];
      this.vectorized = overridesBatch(model.simulator());
    }

    private static boolean overridesBatch(Simulator simulator) {
      try {
        return simulator.getClass().getMethod("simulateBatch", Batch.class, RandomGenerator[].class)
            .getDeclaringClass() != Simulator.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    void simulateRange(int start, int end) {
      Prior prior = model.prior();
      for (int i = start; i < end; i++) {
        double[] t = givenTheta != null ? givenTheta.row(i)
            : prior.sample(streams.stream(offset + i, Purpose.PRIOR));
        System.arraycopy(t, 0, theta, i * pd, pd);
      }
      if (vectorized && simulateBatch(start, end)) {
        return;
      }
      for (int i = start; i < end; i++) {
        double[] t = Arrays.copyOfRange(theta, i * pd, (i + 1) * pd);
        try {
          store(i, model.simulator().simulate(t, streams.stream(offset + i, Purpose.SIMULATOR)));
        } catch (RuntimeException e) {
          fail(i, "simulator threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }

    /** Tries the simulator's batch form; on failure the caller redoes the rows one by one to isolate it. */
    private boolean simulateBatch(int start, int end) {
      RandomGenerator[] rngs = new RandomGenerator[end - start];
      for (int i = start; i < end; i++) {
        rngs[i - start] = streams.stream(offset + i, Purpose.SIMULATOR);
      }
      Batch t = Batch.wrap(end - start, pd, Arrays.copyOfRange(theta, start * pd, end * pd));
      try {
        Batch out = model.simulator().simulateBatch(t, rngs);
        if (out == null || out.rows() != end - start || out.cols() != dd) {
          return false;
        }
        for (int i = start; i < end; i++) {
          store(i, out.row(i - start));
        }
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }

    private void store(int i, double[] out) {
      if (out == null) {
        fail(i, "simulator returned null");
        return;
      }
      if (out.length != dd) {
        fail(i, "simulator returned " + out.length + " values, expected " + dd);
        return;
      }
      System.arraycopy(out, 0, x, i * dd, dd);
      for (int j = 0; j < dd; j++) {
        if (!Double.isFinite(out[j])) {
          reasons[i] = "simulator returned " + out[j] + " in " + model.dataNames().get(j);
          return;
        }
      }
      reasons[i] = null;
    }

    private void fail(int i, String reason) {
      Arrays.fill(x, i * dd, (i + 1) * dd, Double.NaN);
      reasons[i] = reason;
    }

    synchronized void reportProgress(int done, ProgressListener listener) {
      completed += done;
      listener.progress(completed, n);
    }

    SimulationSet assemble(long seed, InvalidPolicy policy) {
      List<InvalidSimulation> invalid = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (reasons[i] != null) {
          invalid.add(new InvalidSimulation(offset + i, Arrays.copyOfRange(theta, i * pd, (i + 1) * pd),
              reasons[i]));
        }
      }
      Batch thetaBatch = Batch.wrap(n, pd, theta);
      Batch xBatch = Batch.wrap(n, dd, x);
      int[] rows = java.util.stream.IntStream.range(0, n)
          .filter(i -> policy == InvalidPolicy.KEEP || reasons[i] == null)
          .toArray();
      if (rows.length != n) {
        thetaBatch = thetaBatch.selectRows(rows);
        xBatch = xBatch.selectRows(rows);
      }
      int[] indices = Arrays.stream(rows).map(i -> offset + i).toArray();
      return new SimulationSet(seed, n, model.parameterNames(), model.dataNames(), thetaBatch, xBatch, indices,
          invalid, policy);
    }
  }
}
