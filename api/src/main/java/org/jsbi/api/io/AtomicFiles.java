package org.jsbi.api.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files atomically: to a temporary file beside the target, then renamed over it. */
public final class AtomicFiles {
  /** Writes text to a {@link Writer}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Checks up front that {@code target} can be written, so a long computation does not end in a failed write.
   *
   * @param argument the option or argument that named the file, for the message
   */
  public static void checkWritable(String argument, Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(argument + ": expected a file path, got the directory '" + target + "'");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(argument + ": cannot write '" + target + "' because the directory '"
          + dir + "' does not exist; create it first or choose another path");
    }
    if (!Files.isWritable(dir) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
      throw new IllegalArgumentException(argument + ": cannot write '" + target
          + "': permission denied; choose a writable path");
    }
  }

  /**
   * Gives a finished temporary file the permissions of a normally created one (rw-r--r--): temporary files start
   * private, and results are meant to be shared.
   */
  public static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes {@code bytes} to {@code target} atomically, readable by all. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      readableByAll(tmp);
      move(tmp, absolute);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text to {@code target} atomically: readers see the old file or the complete new one. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(out);
      }
      readableByAll(tmp);
      move(tmp, absolute);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new hidden temporary file beside {@code target}, for content written piece by piece; {@link #commit} it when
   * complete, or delete it.
   */
  public static Path temporaryFor(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    return Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
  }

  /** Renames a complete temporary file from {@link #temporaryFor} over {@code target}, readable by all. */
  public static void commit(Path tmp, Path target) throws IOException {
    readableByAll(tmp);
    move(tmp, target.toAbsolutePath());
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
