package org.jsbi.api.simulation;

import java.io.IOException;
import java.util.List;
import org.jsbi.api.Model;

/**
 * Where the chunks of a durable campaign are simulated: on this machine's threads ({@link LocalCampaignExecutor})
 * or on a cluster (the {@code jsbi-spark} module). Chunks are seeded by index, so every executor gives the same
 * campaign.
 */
public interface CampaignExecutor {
  /**
   * Simulates every chunk with {@link CampaignChunk#simulate} and hands each result to {@code sink} as it
   * finishes, in any order, one call at a time, on the calling thread.
   */
  void simulate(Model model, long seed, List<CampaignChunk> chunks, ChunkSink sink) throws IOException;

  /** A short description for messages, such as "4 threads" or "Spark local[2]". */
  String description();

  /** Receives finished chunks: the store verifies and writes each one atomically. */
  @FunctionalInterface
  interface ChunkSink {
    void accept(CampaignChunk chunk, String encoded) throws IOException;
  }
}
