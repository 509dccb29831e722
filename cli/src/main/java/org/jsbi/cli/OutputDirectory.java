package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsbi.api.io.DirectoryLock;
import org.jsbi.api.io.FileTrees;

/**
 * An output directory claimed before any work starts: refused when it is a file, not writable, already holds
 * results (unless {@code --force}), or is being written by another jsbi command. Holds the directory's lock until
 * closed.
 */
final class OutputDirectory implements AutoCloseable {
  private final DirectoryLock lock;

  private OutputDirectory(DirectoryLock lock) {
    this.lock = lock;
  }

  /**
   * Claims {@code dir} for {@code option}: it may be missing or empty; with {@code force} it may hold earlier
   * results, which the command then replaces; when {@code resuming}, it may hold the unfinished work that the caller
   * continues.
   */
  static OutputDirectory claim(String option, Path dir, boolean force, boolean resuming) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + ": '" + dir + "' is a file; expected a directory");
    }
    Path parent = dir.toAbsolutePath().normalize().getParent();
    Path existing = parent;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)
        || Files.exists(dir) && !Files.isWritable(dir)) {
      throw new IllegalArgumentException(option + ": cannot write '" + dir + "': permission denied or not a "
          + "directory at '" + existing + "'; choose a writable path");
    }
    DirectoryLock lock = DirectoryLock.acquire(option, dir);
    try {
      if (!force && !resuming && Files.isDirectory(dir) && !FileTrees.isEmpty(dir)) {
        throw new IllegalArgumentException(option + ": '" + dir + "' already exists and is not empty; pass --force "
            + "to replace what it holds, or choose a new directory");
      }
    } catch (IllegalArgumentException | IOException e) {
      lock.close();
      throw e;
    }
    return new OutputDirectory(lock);
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
