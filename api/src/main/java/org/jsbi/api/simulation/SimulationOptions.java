package org.jsbi.api.simulation;

import java.util.Objects;
import org.jsbi.api.Arguments;

/**
 * How a simulation run is executed. None of these settings changes the simulated values: only the seed does.
 *
 * @param threads worker threads (default: all available processors)
 * @param policy what to do with invalid rows (default {@link InvalidPolicy#EXCLUDE})
 * @param chunkSize simulations per unit of work, or 0 to choose from the run size
 * @param listener progress callback
 * @param cancellation flag that stops the run
 */
public record SimulationOptions(
    int threads, InvalidPolicy policy, int chunkSize, ProgressListener listener, Cancellation cancellation) {

  public SimulationOptions {
    Arguments.positive("threads", threads);
    Objects.requireNonNull(policy, "policy");
    if (chunkSize < 0) {
      throw new IllegalArgumentException("chunkSize: expected 0 (automatic) or a positive size, got " + chunkSize);
    }
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** All cores, invalid rows excluded, automatic chunks, no progress reporting. */
  public static SimulationOptions defaults() {
    return new SimulationOptions(
        Runtime.getRuntime().availableProcessors(), InvalidPolicy.EXCLUDE, 0, ProgressListener.NONE,
        new Cancellation());
  }

  public SimulationOptions withThreads(int threads) {
    return new SimulationOptions(threads, policy, chunkSize, listener, cancellation);
  }

  public SimulationOptions withPolicy(InvalidPolicy policy) {
    return new SimulationOptions(threads, policy, chunkSize, listener, cancellation);
  }

  public SimulationOptions withChunkSize(int chunkSize) {
    return new SimulationOptions(threads, policy, chunkSize, listener, cancellation);
  }

  public SimulationOptions withListener(ProgressListener listener) {
    return new SimulationOptions(threads, policy, chunkSize, listener, cancellation);
  }

  public SimulationOptions withCancellation(Cancellation cancellation) {
    return new SimulationOptions(threads, policy, chunkSize, listener, cancellation);
  }
}
