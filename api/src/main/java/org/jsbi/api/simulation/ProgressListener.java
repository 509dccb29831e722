package org.jsbi.api.simulation;

/**
 * Receives progress of a simulation run. Calls come from worker threads, one at a time, with {@code completed}
 * increasing.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (completed, total) -> {};

  void progress(long completed, long total);
}
