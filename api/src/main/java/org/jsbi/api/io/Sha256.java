package org.jsbi.api.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every saved file and checkpoint is checked by: a digest to feed, and the hex of bytes. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest; every Java runtime has one. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The lower-case hex SHA-256 of {@code bytes}, as {@code sha256sum} prints it. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }
}
