package org.jsbi.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.CampaignChunk;
import org.jsbi.api.simulation.CampaignExecutor;
import org.jsbi.plugins.PluginLoader;

/**
 * Simulates a campaign's chunks as Spark jobs: each chunk is one task on an executor, which rebuilds the model
 * from its plugins by id and returns the chunk's text; the driver verifies and writes each chunk into the store as
 * it arrives. Per-index seeding makes the campaign identical to a local one. Plugin jars are shipped to the
 * executors with the job, and the store lives on the driver, so executors need no shared file system.
 *
 * <pre>{@code
 * try (SparkCampaignExecutor spark = SparkCampaignExecutor.start("local[2]", pluginDirectories)) {
 *   SimulationSet sims = store.run(spark, InvalidPolicy.EXCLUDE, System.err::println, ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class SparkCampaignExecutor implements CampaignExecutor, AutoCloseable {
  private final JavaSparkContext context;
  private final boolean owned;

  /** Runs on an existing context, which the caller keeps and stops. */
  public SparkCampaignExecutor(JavaSparkContext context) {
    this(context, false);
  }

  private SparkCampaignExecutor(JavaSparkContext context, boolean owned) {
    this.context = Objects.requireNonNull(context, "context");
    this.owned = owned;
  }

  /**
   * Starts a Spark context for {@code master} (such as {@code local[2]} or {@code spark://host:7077}), or for the
   * master spark-submit configured when {@code master} is null, and ships every jar in {@code pluginDirectories}
   * to the executors. Closing the executor stops the context.
   */
  public static SparkCampaignExecutor start(String master, List<Path> pluginDirectories) {
    return start(master, pluginDirectories, 30);
  }

  /**
   * As {@link #start(String, List)}, and then waits at most {@code connectSeconds} for a first (empty) task to run,
   * so that an unreachable master or a cluster without executors is refused in one line instead of retried.
   */
  public static SparkCampaignExecutor start(String master, List<Path> pluginDirectories, int connectSeconds) {
    SparkConf conf = new SparkConf().setAppName("jsbi simulate");
    if (master != null) {
      conf.setMaster(master);
    }
    if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("--master: expected a Spark master URL such as local[2] or "
          + "spark://host:7077, got none; pass --master, or run through spark-submit --master");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext context = connect(conf, connectSeconds);
    try {
      for (Path dir : pluginDirectories) {
        for (Path jar : PluginLoader.jarsIn(dir)) {
          context.addJar(jar.toAbsolutePath().toString());
        }
      }
    } catch (RuntimeException e) {
      context.stop();
      throw new IllegalArgumentException("--plugins: cannot ship the plugin jars to Spark: " + e.getMessage(), e);
    }
    try {
      context.parallelize(List.of(0), 1).countAsync().get(connectSeconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | InterruptedException | ExecutionException e) {
      inBackground(context::stop);
      throw unreachable(conf, connectSeconds);
    }
    return new SparkCampaignExecutor(context, true);
  }

  /**
   * Creates the context on a daemon thread, waiting at most {@code connectSeconds}: a standalone master that does
   * not answer keeps Spark's constructor retrying for a minute.
   */
  private static JavaSparkContext connect(SparkConf conf, int connectSeconds) {
    java.util.concurrent.FutureTask<JavaSparkContext> start =
        new java.util.concurrent.FutureTask<>(() -> new JavaSparkContext(conf));
    inBackground(start);
    try {
      return start.get(connectSeconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw unreachable(conf, connectSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(conf, connectSeconds);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("--master: Spark could not start with master '" + conf.get("spark.master")
          + "': " + cause.getMessage() + "; check the URL (local[N], spark://host:port, yarn)", cause);
    }
  }

  private static IllegalArgumentException unreachable(SparkConf conf, int connectSeconds) {
    return new IllegalArgumentException("--master: no Spark executor ran a task within " + connectSeconds
        + " s at '" + conf.get("spark.master") + "'; check that the master is running and reachable and has "
        + "workers, or raise --connect-timeout");
  }

  private static void inBackground(Runnable task) {
    Thread t = new Thread(task, "jsbi-spark-start");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void simulate(Model model, long seed, List<CampaignChunk> chunks, ChunkSink sink) throws IOException {
    ChunkTask task = new ChunkTask(model.id(), seed, context.getConf().getInt("spark.task.cpus", 1));
    int window = Math.max(2, 2 * context.defaultParallelism());
    List<Running> running = new ArrayList<>();
    Iterator<CampaignChunk> next = chunks.iterator();
    try {
      while (next.hasNext() || !running.isEmpty()) {
        while (running.size() < window && next.hasNext()) {
          CampaignChunk c = next.next();
          running.add(new Running(c, context.parallelize(List.of(new int[] {c.number(), c.start(), c.end()}), 1)
              .map(task).collectAsync()));
        }
        Running done = awaitAny(running);
        running.remove(done);
        sink.accept(done.chunk, done.result.get().get(0));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Spark; --resume continues the campaign", e);
    } catch (ExecutionException e) {
      throw new IOException("a Spark task failed: " + rootMessage(e), e);
    } finally {
      running.forEach(r -> r.result.cancel(true));
    }
  }

  private static Running awaitAny(List<Running> running) throws InterruptedException {
    while (true) {
      for (Running r : running) {
        if (r.result.isDone()) {
          return r;
        }
      }
      Thread.sleep(2);
    }
  }

  @Override
  public String description() {
    return "Spark " + context.master() + " (parallelism " + context.defaultParallelism() + ")";
  }

  /** Stops the Spark context if this executor started it. */
  @Override
  public void close() {
    if (owned) {
      context.stop();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst()
        .orElse("");
  }

  private record Running(CampaignChunk chunk, JavaFutureAction<List<String>> result) {}
}
