package org.jsbi.api.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output or store directory, so that a second writer is refused instead of mixing its
 * files with the first's. The lock is an operating-system lock on the file {@code .NAME.lock} beside the directory,
 * so it is released when its process dies, even by {@code kill -9}; the file is removed on {@link #close}.
 */
public final class DirectoryLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file for {@code dir}: {@code .NAME.lock} in its parent. */
  public static Path lockFile(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
  }

  /**
   * Locks {@code dir} (which need not exist yet; its parent is created), or refuses in one line that names
   * {@code argument} when another process, or another command in this one, holds it.
   */
  public static DirectoryLock acquire(String argument, Path dir) throws IOException {
    Path file = lockFile(dir);
    Files.createDirectories(file.getParent());
    for (int attempt = 0; ; attempt++) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalArgumentException(argument + ": '" + dir + "' is in use by another jsbi command (locked "
            + "through " + file + "); wait for it to finish, or choose another directory");
      }
      if (Files.exists(file) || attempt == 3) {
        return new DirectoryLock(file, channel, lock);
      }
      // the previous holder removed the file between our open and our lock: lock the new one instead
      lock.release();
      channel.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      lock.release();
      channel.close();
    }
  }
}
