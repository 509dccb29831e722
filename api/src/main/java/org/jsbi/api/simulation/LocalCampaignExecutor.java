package org.jsbi.api.simulation;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jsbi.api.Model;

/** Simulates a campaign's chunks one after another, each on all of {@code threads} worker threads. */
public final class LocalCampaignExecutor implements CampaignExecutor {
  private final int threads;
  private final Cancellation cancellation;

  public LocalCampaignExecutor(SimulationOptions options) {
    Objects.requireNonNull(options, "options");
    this.threads = options.threads();
    this.cancellation = options.cancellation();
  }

  @Override
  public void simulate(Model model, long seed, List<CampaignChunk> chunks, ChunkSink sink) throws IOException {
    for (CampaignChunk chunk : chunks) {
      if (cancellation.isCancelled()) {
        throw new CancellationException("campaign cancelled; running it again continues it from the chunks on disk");
      }
      sink.accept(chunk, chunk.simulate(model, seed, threads));
    }
  }

  @Override
  public String description() {
    return threads + (threads == 1 ? " thread" : " threads");
  }
}
