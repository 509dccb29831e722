package org.jsbi.spark;

import java.io.IOException;
import org.apache.spark.api.java.function.Function;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.CampaignChunk;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;

/**
 * What a Spark task runs: find the model by id among the plugins visible to the executor (the class path and the
 * jars the driver shipped), simulate one chunk and return its text. Only the model id, seed and thread count travel
 * with the task; the model itself is rebuilt where it runs.
 */
final class ChunkTask implements Function<int[], String> {
  private static final long serialVersionUID = 1L;

  private final String modelId;
  private final long seed;
  private final int threads;

  ChunkTask(String modelId, long seed, int threads) {
    this.modelId = modelId;
    this.seed = seed;
    this.threads = threads;
  }

  /** {@code chunk} is {number, start, end}. */
  @Override
  public String call(int[] chunk) throws IOException {
    try (Registry registry = new PluginLoader().classLoader(Thread.currentThread().getContextClassLoader()).load()) {
      Model model = registry.findModel(modelId).orElseThrow(() -> new IllegalStateException("model '" + modelId
          + "' is not among the plugins on this Spark executor; pass its plugin directory with --plugins (its "
          + "jars are shipped with the job) or add the jar with spark-submit --jars"));
      return new CampaignChunk(chunk[0], chunk[1], chunk[2]).simulate(model, seed, threads);
    }
  }
}
