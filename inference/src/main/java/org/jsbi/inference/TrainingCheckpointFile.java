package org.jsbi.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsbi.api.estimator.TrainingCheckpoint;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.io.Sha256;

/**
 * Training checkpoints in one file, replaced atomically at each save: a 4-byte length, a JSON header (format,
 * version, run, epoch, and the name and length of every array), the arrays (progress as little-endian float64,
 * tensors as little-endian float32), and the SHA-256 of all that. No Java serialization; a damaged or truncated
 * file is refused, never half read.
 */
public final class TrainingCheckpointFile implements TrainingCheckpoints {
  /** The file's name in a training's output directory. */
  public static final String NAME = "training.checkpoint";
  static final String FORMAT = "jsbi-training-checkpoint";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final double intervalSeconds;
  private final boolean resume;
  private final String option;
  private final String startOver;

  /**
   * A checkpoint file whose messages speak Java: they name the argument {@code resume} and advise constructing it
   * with {@code resume} false to start over.
   *
   * @param intervalSeconds least time between two saves; 0 saves after every epoch
   * @param resume whether a run resumes from the file (else it starts afresh and overwrites it)
   */
  public TrainingCheckpointFile(Path file, double intervalSeconds, boolean resume) {
    this(file, intervalSeconds, resume, "resume", "construct it with resume false to start over");
  }

  /**
   * As above, with messages in the caller's words, e.g. the command line's.
   *
   * @param option what asked to resume, e.g. {@code --resume}
   * @param startOver how to start over instead, e.g. {@code pass --force to start over}
   */
  public TrainingCheckpointFile(Path file, double intervalSeconds, boolean resume, String option,
      String startOver) {
    if (!(intervalSeconds >= 0)) {
      throw new IllegalArgumentException("intervalSeconds: expected 0 or more, got " + intervalSeconds);
    }
    this.file = file;
    this.intervalSeconds = intervalSeconds;
    this.resume = resume;
    this.option = option;
    this.startOver = startOver;
  }

  @Override
  public boolean due(double secondsSinceLast) {
    return secondsSinceLast >= intervalSeconds;
  }

  @Override
  public Optional<TrainingCheckpoint> resume(String run) {
    if (!resume) {
      return Optional.empty();
    }
    TrainingCheckpoint c = read(option, file);
    if (!c.run().equals(run)) {
      throw new IllegalArgumentException(option + ": the checkpoint '" + file + "' was saved by a run with other "
          + "simulations or settings; resume with the same simulations, seed and training options, or " + startOver);
    }
    return Optional.of(c);
  }

  @Override
  public void save(TrainingCheckpoint c) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      AtomicFiles.write(file, bytes(c));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the training checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The checkpoint in {@code file}, checked whole.
   *
   * @throws IllegalArgumentException naming {@code option} when the file is missing, damaged or of another format
   */
  public static TrainingCheckpoint read(String option, Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(option + ": no training checkpoint at '" + file + "' (a run saves one "
          + "every so often while it trains); train without " + option + " to start");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the training checkpoint " + file + ": " + e.getMessage(), e);
    }
    String damaged = option + ": the training checkpoint '" + file + "' is damaged";
    String fix = "; delete it and train without " + option;
    if (all.length < 36 || !Arrays.equals(sha256(all, all.length - 32), Arrays.copyOfRange(all, all.length - 32,
        all.length))) {
      throw new IllegalArgumentException(damaged + " (its SHA-256 does not match)" + fix);
    }
    ByteBuffer buf = ByteBuffer.wrap(all, 0, all.length - 32).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = buf.getInt();
    JsonNode h;
    try {
      h = JSON.readTree(new String(all, 4, headerLength, StandardCharsets.UTF_8));
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(damaged + " (its header does not parse)" + fix);
    }
    if (!FORMAT.equals(h.path("format").asText()) || h.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException(option + ": '" + file + "' is not a " + FORMAT + " of version " + VERSION
          + " (it says " + h.path("format").asText() + " " + h.path("version").asText() + ")" + fix);
    }
    Map<String, double[]> progress = new LinkedHashMap<>();
    Map<String, float[]> tensors = new LinkedHashMap<>();
    try {
      buf.position(4 + headerLength);
      for (JsonNode a : h.path("progress")) {
        double[] values = new double[a.path("length").asInt()];
        buf.asDoubleBuffer().get(values);
        buf.position(buf.position() + 8 * values.length);
        progress.put(a.path("name").asText(), values);
      }
      for (JsonNode a : h.path("tensors")) {
        float[] values = new float[a.path("length").asInt()];
        buf.asFloatBuffer().get(values);
        buf.position(buf.position() + 4 * values.length);
        tensors.put(a.path("name").asText(), values);
      }
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalArgumentException(damaged + " (shorter than its header says)" + fix);
    }
    return new TrainingCheckpoint(h.path("run").asText(), h.path("epoch").asInt(), progress, tensors);
  }

  static byte[] bytes(TrainingCheckpoint c) {
    ObjectNode h = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION).put("run", c.run())
        .put("epoch", c.epoch());
    ArrayNode progress = h.putArray("progress");
    c.progress().forEach((name, values) -> progress.addObject().put("name", name).put("length", values.length));
    ArrayNode tensors = h.putArray("tensors");
    c.tensors().forEach((name, values) -> tensors.addObject().put("name", name).put("length", values.length));
    byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
    long size = 4L + header.length + 32 + c.progress().values().stream().mapToLong(v -> 8L * v.length).sum()
        + c.tensors().values().stream().mapToLong(v -> 4L * v.length).sum();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("checkpoint: " + size + " bytes, more than one file of this format holds");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(header.length).put(header);
    for (double[] values : c.progress().values()) {
      for (double v : values) {
        buf.putDouble(v);
      }
    }
    for (float[] values : c.tensors().values()) {
      for (float v : values) {
        buf.putFloat(v);
      }
    }
    byte[] all = buf.array();
    System.arraycopy(sha256(all, all.length - 32), 0, all, all.length - 32, 32);
    return all;
  }

  private static byte[] sha256(byte[] bytes, int length) {
    MessageDigest d = Sha256.digest();
    d.update(bytes, 0, length);
    return d.digest();
  }
}
