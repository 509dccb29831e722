package org.jsbi.api.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees: deleting them (temporary stores, replaced posteriors, a run under --force), and emptiness. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code root} and everything under it; nothing when it does not exist. */
  public static void delete(Path root) throws IOException {
    deleteUnder(root, true);
  }

  /** Deletes everything under the directory {@code root}, keeping {@code root} itself. */
  public static void deleteContents(Path root) throws IOException {
    deleteUnder(root, false);
  }

  /** Whether the directory {@code dir} holds nothing. */
  public static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.findAny().isEmpty();
    }
  }

  private static void deleteUnder(Path root, boolean andRoot) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (andRoot || !p.equals(root)) {
          Files.delete(p);
        }
      }
    }
  }
}
