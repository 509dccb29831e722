package org.jsbi.api.simulation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.io.FileTrees;

/**
 * A durable simulation campaign: results are written in chunks of consecutive indices, each atomically and with a
 * checksum, so a campaign killed at any moment (even {@code kill -9} in the middle of a chunk) resumes where it
 * stopped, with no index lost or repeated. Per-index seeding makes the assembled result equal to an uninterrupted
 * run with the same seed. A chunk that fails its checksum is reported and simulated again, never used.
 *
 * <pre>{@code
 * SimulationStore store = SimulationStore.create(dir, model, 1_000_000, seed, 1000);   // or open(dir, model)
 * SimulationSet sims = store.run(SimulationOptions.defaults(), System.err::println, ProgressListener.NONE);
 * }</pre>
 */
public final class SimulationStore {
  static final String MANIFEST = "campaign.properties";
  private static final String FORMAT = "jsbi-campaign 1";

  private final String argument;
  private final Path dir;
  private final Model model;
  private final int numSimulations;
  private final long seed;
  private final int chunkSize;

  private SimulationStore(String argument, Path dir, Model model, int numSimulations, long seed, int chunkSize) {
    this.argument = argument;
    this.dir = dir;
    this.model = model;
    this.numSimulations = numSimulations;
    this.seed = seed;
    this.chunkSize = chunkSize;
  }

  /** Starts a campaign in {@code dir}, which must not exist or be empty. */
  public static SimulationStore create(Path dir, Model model, int numSimulations, long seed, int chunkSize)
      throws IOException {
    return create("dir", dir, model, numSimulations, seed, chunkSize);
  }

  /**
   * As {@link #create(Path, Model, int, long, int)}, with messages that name {@code argument} (a command-line option
   * such as {@code --store}) instead of the Java argument {@code dir}.
   */
  public static SimulationStore create(String argument, Path dir, Model model, int numSimulations, long seed,
      int chunkSize) throws IOException {
    Objects.requireNonNull(model, "model");
    if (numSimulations <= 0 || chunkSize <= 0) {
      throw new IllegalArgumentException("numSimulations and chunkSize: expected positive integers, got "
          + numSimulations + " and " + chunkSize);
    }
    if (Files.exists(dir) && !(Files.isDirectory(dir) && FileTrees.isEmpty(dir))) {
      throw new IllegalArgumentException(argument + ": '" + dir + "' already exists and is not empty; continue the "
          + "campaign in it with SimulationStore.open, or choose a new directory");
    }
    Files.createDirectories(dir);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("model", model.id());
    m.put("parameterDim", Integer.toString(model.parameterDim()));
    m.put("dataDim", Integer.toString(model.dataDim()));
    m.put("dataShape", model.dataShape().describe());
    m.put("numSimulations", Integer.toString(numSimulations));
    m.put("seed", Long.toString(seed));
    m.put("chunkSize", Integer.toString(chunkSize));
    AtomicFiles.write(dir.resolve(MANIFEST), w -> {
      for (var e : m.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    });
    return new SimulationStore(argument, dir, model, numSimulations, seed, chunkSize);
  }

  /** Whether {@code dir} holds a campaign (its manifest). */
  public static boolean isCampaign(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /** Opens an existing campaign for {@code model}; its size, seed and chunk size come from the store. */
  public static SimulationStore open(Path dir, Model model) throws IOException {
    return open("dir", dir, model);
  }

  /**
   * As {@link #open(Path, Model)}, with messages that name {@code argument} (a command-line option such as
   * {@code --store}) instead of the Java argument {@code dir}.
   */
  public static SimulationStore open(String argument, Path dir, Model model) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    if (!isCampaign(dir)) {
      throw new IllegalArgumentException(argument + ": '" + dir + "' is not a simulation campaign (" + MANIFEST
          + " is missing); start one with SimulationStore.create");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(manifest)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    if (!FORMAT.equals(m.get("format"))) {
      throw new IllegalArgumentException(argument + ": " + manifest + " has format '" + m.get("format") + "', expected '"
          + FORMAT + "'");
    }
    if (!model.id().equals(m.get("model")) || !Integer.toString(model.parameterDim()).equals(m.get("parameterDim"))
        || !Integer.toString(model.dataDim()).equals(m.get("dataDim"))) {
      throw new IllegalArgumentException(argument + ": the campaign in '" + dir + "' is for model '" + m.get("model")
          + "' (θ " + m.get("parameterDim") + ", x " + m.get("dataDim") + "), not '" + model.id() + "' (θ "
          + model.parameterDim() + ", x " + model.dataDim() + ")");
    }
    // stores written before the shape was recorded have none, and were all of vectors
    String shape = m.getOrDefault("dataShape", org.jsbi.api.DataShape.vector(model.dataDim()).describe());
    if (!shape.equals(model.dataShape().describe())) {
      throw new IllegalArgumentException(argument + ": the campaign in '" + dir + "' holds x shaped as " + shape
          + ", but model '" + model.id() + "' has " + model.dataShape().describe() + "; simulate it afresh into a new "
          + "directory");
    }
    try {
      return new SimulationStore(argument, dir, model, Integer.parseInt(m.get("numSimulations")),
          Long.parseLong(m.get("seed")), Integer.parseInt(m.get("chunkSize")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(argument + ": " + manifest + " is corrupt (" + e.getMessage() + ")");
    }
  }

  public int numSimulations() {
    return numSimulations;
  }

  public long seed() {
    return seed;
  }

  private int chunks() {
    return (numSimulations + chunkSize - 1) / chunkSize;
  }

  private Path chunkFile(int c) {
    return dir.resolve(String.format("chunk-%08d.csv", c));
  }

  /**
   * Simulates every chunk not yet on disk (or corrupt) on this machine's threads, then assembles the campaign.
   *
   * @param options threads and the policy for invalid rows in the result (chunks always keep every row)
   * @param events receives one line per notable event: an interrupted write cleaned up, or a corrupt chunk being
   *     simulated again
   * @param progress simulations done (on disk) out of the campaign's total
   */
  public SimulationSet run(SimulationOptions options, Consumer<String> events, ProgressListener progress)
      throws IOException {
    return run(new LocalCampaignExecutor(options), options.policy(), events, progress);
  }

  /**
   * Simulates every chunk not yet on disk (or corrupt) with {@code executor}, writing each chunk as it arrives, then
   * assembles the campaign with {@code policy} for invalid rows. A chunk that arrives corrupt is refused.
   */
  public SimulationSet run(CampaignExecutor executor, InvalidPolicy policy, Consumer<String> events,
      ProgressListener progress) throws IOException {
    simulate(executor, events, progress);
    return assemble(policy);
  }

  /**
   * Simulates every chunk not yet on disk (or corrupt) with {@code executor}, writing each chunk as it arrives, and
   * assembles nothing: read the campaign with {@link #forEachChunk} or {@link #assemble}. A chunk that arrives
   * corrupt is refused.
   */
  public void simulate(CampaignExecutor executor, Consumer<String> events, ProgressListener progress)
      throws IOException {
    removeTemporaryFiles(events);
    List<CampaignChunk> pending = pendingChunks(events);
    int[] done = {numSimulations - pending.stream().mapToInt(CampaignChunk::size).sum()};
    progress.progress(done[0], numSimulations);
    executor.simulate(model, seed, pending, (chunk, encoded) -> {
      try {
        ChunkFile.parse(encoded, chunk.start(), chunk.end(), model.parameterDim(), model.dataDim());
      } catch (ChunkFile.CorruptChunkException e) {
        throw new IOException("chunk " + chunk.number() + " (indices " + chunk.start() + "–" + (chunk.end() - 1)
            + ") arrived corrupt from " + executor.description() + ": " + e.getMessage(), e);
      }
      ChunkFile.write(chunkFile(chunk.number()), encoded);
      done[0] += chunk.size();
      progress.progress(done[0], numSimulations);
    });
  }

  /** The chunks to simulate: those missing, and those whose file fails its checksum (deleted and reported). */
  private List<CampaignChunk> pendingChunks(Consumer<String> events) throws IOException {
    List<CampaignChunk> pending = new ArrayList<>();
    for (int c = 0; c < chunks(); c++) {
      int start = c * chunkSize;
      int end = Math.min(numSimulations, start + chunkSize);
      Path file = chunkFile(c);
      if (Files.exists(file)) {
        try {
          ChunkFile.read(file, start, end, model.parameterDim(), model.dataDim());
          continue;
        } catch (ChunkFile.CorruptChunkException e) {
          events.accept("chunk " + file.getFileName() + " (indices " + start + "–" + (end - 1) + ") is corrupt: "
              + e.getMessage() + "; simulating it again");
          Files.delete(file);
        }
      }
      pending.add(new CampaignChunk(c, start, end));
    }
    return pending;
  }

  /** The whole campaign from its chunks, in memory; every chunk must be present and intact. */
  public SimulationSet assemble(InvalidPolicy policy) throws IOException {
    List<SimulationSet> chunks = new ArrayList<>();
    forEachChunk(policy, chunks::add);
    int rows = chunks.stream().mapToInt(SimulationSet::size).sum();
    int pd = model.parameterDim();
    int dd = model.dataDim();
    double[] theta = new double[rows * pd];
    double[] x = new double[rows * dd];
    int[] indices = new int[rows];
    List<InvalidSimulation> invalid = new ArrayList<>();
    int at = 0;
    for (SimulationSet c : chunks) {
      System.arraycopy(c.theta().data(), 0, theta, at * pd, c.size() * pd);
      System.arraycopy(c.x().data(), 0, x, at * dd, c.size() * dd);
      System.arraycopy(c.indices(), 0, indices, at, c.size());
      invalid.addAll(c.invalid());
      at += c.size();
    }
    return new SimulationSet(seed, numSimulations, model.parameterNames(), model.dataNames(),
        Batch.wrap(rows, pd, theta), Batch.wrap(rows, dd, x), indices, invalid, policy);
  }

  /**
   * Reads the campaign chunk by chunk, in index order, handing each to {@code sink} with {@code policy} applied:
   * memory holds one chunk, whatever the campaign's size. Every chunk must be present and intact.
   */
  public void forEachChunk(InvalidPolicy policy, SimulationSink sink) throws IOException {
    int pd = model.parameterDim();
    int dd = model.dataDim();
    for (int c = 0; c < chunks(); c++) {
      int start = c * chunkSize;
      int end = Math.min(numSimulations, start + chunkSize);
      ChunkFile.Rows r;
      try {
        r = ChunkFile.read(chunkFile(c), start, end, pd, dd);
      } catch (ChunkFile.CorruptChunkException | java.nio.file.NoSuchFileException e) {
        throw new MissingChunkException(argument + ": chunk " + chunkFile(c).getFileName() + " is missing or "
            + "corrupt (" + e.getMessage() + ")", "; run the campaign again (SimulationStore.run) to simulate it again");
      }
      List<InvalidSimulation> invalid = new ArrayList<>();
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < end - start; i++) {
        if (r.reasons()[i] != null) {
          invalid.add(new InvalidSimulation(start + i, java.util.Arrays.copyOfRange(r.theta(), i * pd, (i + 1) * pd),
              r.reasons()[i]));
        }
        if (policy == InvalidPolicy.KEEP || r.reasons()[i] == null) {
          rows.add(i);
        }
      }
      int[] kept = rows.stream().mapToInt(Integer::intValue).toArray();
      Batch t = Batch.wrap(end - start, pd, r.theta());
      Batch xs = Batch.wrap(end - start, dd, r.x());
      if (kept.length != end - start) {
        t = t.selectRows(kept);
        xs = xs.selectRows(kept);
      }
      int[] indices = java.util.Arrays.stream(kept).map(i -> start + i).toArray();
      sink.accept(new SimulationSet(seed, end - start, model.parameterNames(), model.dataNames(), t, xs, indices,
          invalid, policy));
    }
  }

  /** A kill during a write leaves a hidden temporary file behind; it was never a chunk, so it goes. */
  private void removeTemporaryFiles(Consumer<String> events) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".chunk-*.tmp")) {
      for (Path p : s) {
        Files.delete(p);
        events.accept("removed " + p.getFileName() + ", a chunk whose writing was interrupted");
      }
    }
  }

  /**
   * A chunk that a finished campaign should hold is missing or fails its checksum. The message advises, in Java, to
   * run the campaign again; {@link #what()} is the message without that advice, for callers that advise otherwise
   * (the command line: {@code jsbi simulate --store DIR --resume}).
   */
  public static final class MissingChunkException extends IllegalStateException {
    private final String what;

    MissingChunkException(String what, String advice) {
      super(what + advice);
      this.what = what;
    }

    /** Which chunk, and why it cannot be read. */
    public String what() {
      return what;
    }
  }
}
