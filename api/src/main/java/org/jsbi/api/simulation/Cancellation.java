package org.jsbi.api.simulation;

/** A flag that stops a running simulation at its next chunk boundary. Thread-safe. */
public final class Cancellation {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
