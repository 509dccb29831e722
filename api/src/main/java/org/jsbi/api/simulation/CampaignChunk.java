package org.jsbi.api.simulation;

import org.jsbi.api.Model;

/**
 * One chunk of a durable campaign ({@link SimulationStore}): the simulation indices {@code start} (inclusive) to
 * {@code end} (exclusive), stored as chunk file number {@code number}. A {@link CampaignExecutor} simulates chunks
 * wherever it runs them (a thread pool, a Spark executor) with {@link #simulate}, and hands the encoded text back to
 * the store, which verifies its checksum before writing it.
 */
public record CampaignChunk(int number, int start, int end) {
  public CampaignChunk {
    if (number < 0 || start < 0 || end <= start) {
      throw new IllegalArgumentException("chunk: expected number >= 0 and 0 <= start < end, got number " + number
          + ", start " + start + " and end " + end);
    }
  }

  public int size() {
    return end - start;
  }

  /**
   * Simulates this chunk's indices of the campaign with {@code seed} on {@code threads} threads, keeping invalid
   * rows with their reasons, and encodes them as chunk text: a header with the range and a SHA-256 of the rows.
   * The rows depend on the seed and indices alone, so any machine produces the same text.
   */
  public String simulate(Model model, long seed, int threads) {
    SimulationRunner runner = new SimulationRunner(SimulationOptions.defaults().withThreads(threads)
        .withPolicy(InvalidPolicy.KEEP).withListener(ProgressListener.NONE));
    return ChunkFile.encode(start, end, runner.runRange(model, start, end, seed));
  }
}
