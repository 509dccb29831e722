package org.jsbi.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsbi.api.Model;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class SimulationStoreTest {
  @TempDir Path dir;

  private static final Model MODEL = SimulationRunnerTest.model(new SimulationRunnerTest.Failing());
  private static final SimulationOptions OPTIONS = SimulationOptions.defaults().withThreads(2);
  private static final SimulationRunner RUNNER = new SimulationRunner(OPTIONS);

  static void assertSameSet(SimulationSet actual, SimulationSet expected) {
    assertThat(actual.theta()).isEqualTo(expected.theta());
    assertThat(actual.x().data()).containsExactly(expected.x().data());
    assertThat(actual.indices()).containsExactly(expected.indices());
    assertThat(actual.invalid()).hasSameSizeAs(expected.invalid());
    for (int i = 0; i < expected.invalid().size(); i++) {
      assertThat(actual.invalid().get(i).index()).isEqualTo(expected.invalid().get(i).index());
      assertThat(actual.invalid().get(i).reason()).isEqualTo(expected.invalid().get(i).reason());
      assertThat(actual.invalid().get(i).theta()).containsExactly(expected.invalid().get(i).theta());
    }
  }

  @Test
  void aRangeIsTheSameRowsAsAWholeRun() {
    SimulationSet whole = RUNNER.run(MODEL, 300, 5);
    SimulationSet range = new SimulationRunner(SimulationOptions.defaults().withPolicy(InvalidPolicy.KEEP))
        .runRange(MODEL, 100, 200, 5);
    SimulationSet keep = new SimulationRunner(SimulationOptions.defaults().withPolicy(InvalidPolicy.KEEP))
        .run(MODEL, 300, 5);
    for (int i = 0; i < 100; i++) {
      assertThat(range.theta().row(i)).containsExactly(keep.theta().row(100 + i));
      assertThat(range.x().row(i)).containsExactly(keep.x().row(100 + i));
    }
    assertThat(range.indices()[0]).isEqualTo(100);
    assertThat(whole.invalidCount()).isPositive();
  }

  @Test
  void aCampaignInChunksEqualsOneRunWithInvalidRowsKeptOrExcluded() throws IOException {
    SimulationStore store = SimulationStore.create(dir.resolve("c"), MODEL, 500, 7, 37);
    List<String> events = new ArrayList<>();
    SimulationSet stored = store.run(OPTIONS, events::add, ProgressListener.NONE);
    assertSameSet(stored, RUNNER.run(MODEL, 500, 7));
    assertThat(events).isEmpty();
    SimulationRunner keep = new SimulationRunner(SimulationOptions.defaults().withPolicy(InvalidPolicy.KEEP));
    assertSameSet(SimulationStore.open(dir.resolve("c"), MODEL).assemble(InvalidPolicy.KEEP),
        keep.run(MODEL, 500, 7));
  }

  @Test
  void anyExecutorGivesTheSameCampaignWhateverTheOrderOfItsChunks() throws IOException {
    CampaignExecutor reversed = new CampaignExecutor() {
      @Override
      public void simulate(Model model, long seed, List<CampaignChunk> chunks, ChunkSink sink) throws IOException {
        for (int i = chunks.size() - 1; i >= 0; i--) {
          sink.accept(chunks.get(i), chunks.get(i).simulate(model, seed, 1));
        }
      }

      @Override
      public String description() {
        return "reversed";
      }
    };
    SimulationSet stored = SimulationStore.create(dir.resolve("r"), MODEL, 500, 7, 37)
        .run(reversed, InvalidPolicy.EXCLUDE, e -> { }, ProgressListener.NONE);
    assertSameSet(stored, RUNNER.run(MODEL, 500, 7));
  }

  @Test
  void aChunkThatArrivesCorruptIsRefusedAndNotWritten() throws IOException {
    CampaignExecutor tampering = new CampaignExecutor() {
      @Override
      public void simulate(Model model, long seed, List<CampaignChunk> chunks, ChunkSink sink) throws IOException {
        String text = chunks.get(0).simulate(model, seed, 1);
        sink.accept(chunks.get(0), text.substring(0, text.length() - 20));
      }

      @Override
      public String description() {
        return "a tampering executor";
      }
    };
    SimulationStore store = SimulationStore.create(dir.resolve("t"), MODEL, 100, 7, 50);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store.run(tampering, InvalidPolicy.EXCLUDE, e -> { }, ProgressListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("chunk 0 (indices 0–49) arrived corrupt from a tampering executor");
    try (var files = Files.list(dir.resolve("t"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SimulationStore.MANIFEST);
    }
  }

  @Test
  void aCorruptOrTruncatedChunkIsReportedAndSimulatedAgain() throws IOException {
    Path c = dir.resolve("c");
    SimulationStore.create(c, MODEL, 200, 8, 50).run(OPTIONS, e -> {}, ProgressListener.NONE);
    Path second = c.resolve("chunk-00000001.csv");
    String text = Files.readString(second);
    int digit = text.indexOf('\n') + 20;
    char changed = text.charAt(digit) == '1' ? '2' : '1';
    Files.writeString(second, text.substring(0, digit) + changed + text.substring(digit + 1));
    Path third = c.resolve("chunk-00000002.csv");
    Files.writeString(third, Files.readString(third).substring(0, 500)); // truncated, as by a failing disk
    List<String> events = new ArrayList<>();
    SimulationSet again = SimulationStore.open(c, MODEL).run(OPTIONS, events::add, ProgressListener.NONE);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).contains("chunk-00000001.csv").contains("corrupt").contains("SHA-256");
    assertThat(events.get(1)).contains("chunk-00000002.csv").contains("corrupt");
    assertSameSet(again, RUNNER.run(MODEL, 200, 8));
  }

  @Test
  void aStoreForAnotherModelOrAnExistingDirectoryIsRefused() throws IOException {
    SimulationStore.create(dir.resolve("c"), MODEL, 10, 1, 5);
    Model other = Model.builder("other").prior(org.jsbi.api.Priors.boxUniform(3, 0, 1))
        .simulator(new SimulationRunnerTest.Noisy() {
          @Override
          public int parameterDim() {
            return 3;
          }
        }).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulationStore.open(dir.resolve("c"), other))
        .hasMessageContaining("is for model 'test'");
    // the same model id and x's size, but x declared a sequence: the store's shape does not fit
    Model shaped = Model.builder(MODEL.id()).prior(MODEL.prior()).simulator(MODEL.simulator())
        .data(org.jsbi.api.DataShape.sequence(MODEL.dataDim(), 1)).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulationStore.open(dir.resolve("c"), shaped))
        .hasMessageContaining("holds x shaped as a vector of " + MODEL.dataDim() + ", but model 'test' has a "
            + "sequence of " + MODEL.dataDim() + " steps");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulationStore.create(dir.resolve("c"), MODEL, 10, 1,
        5)).hasMessage("dir: '" + dir.resolve("c") + "' already exists and is not empty; continue the campaign in it "
        + "with SimulationStore.open, or choose a new directory");
  }

  /** A slow simulator for the kill test: 3 ms per simulation. */
  static class Slow extends SimulationRunnerTest.Noisy {
    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      try {
        Thread.sleep(3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.simulate(theta, rng);
    }
  }

  /**
   * The child's simulator: Slow's values, but in the middle of the fifth chunk (its 26th of 50 simulations) it says
   * so by creating {@code marker} and stops for good, so that the kill comes mid-chunk without any timing guess.
   */
  static final class StopsMidChunk extends Slow {
    static final int STOP_AT = 4 * 50 + 26;
    private final Path marker;
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    StopsMidChunk(Path marker) {
      this.marker = marker;
    }

    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      if (calls.incrementAndGet() == STOP_AT) {
        try {
          Files.createFile(marker);
          Thread.sleep(Long.MAX_VALUE);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return super.simulate(theta, rng);
    }
  }

  /** Runs a campaign in a child process, for the test below to kill. Arguments: store directory, marker file. */
  public static void main(String[] args) throws IOException {
    Model stops = SimulationRunnerTest.model(new StopsMidChunk(Path.of(args[1])));
    SimulationStore.create(Path.of(args[0]), stops, 3000, 9, 50).run(SimulationOptions.defaults().withThreads(1),
        System.out::println, ProgressListener.NONE);
  }

  @Test
  void aCampaignKilledMidChunkResumesWithNothingLostOrRepeated() throws Exception {
    Path c = dir.resolve("killed");
    Path marker = dir.resolve("mid-chunk");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SimulationStoreTest.class.getName(), c.toString(), marker.toString()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.exists(marker) && System.nanoTime() < deadline && child.isAlive()) {
      Thread.sleep(10);
    }
    assertThat(marker).as("the child reached the middle of its fifth chunk").exists();
    child.destroyForcibly().waitFor(); // SIGKILL, 25 simulations into chunk 4: no shutdown hooks, no cleanup
    try (var files = Files.list(c)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).as("the four whole chunks and nothing of the "
          + "fifth").containsExactly("campaign.properties", "chunk-00000000.csv", "chunk-00000001.csv",
          "chunk-00000002.csv", "chunk-00000003.csv");
    }

    Model slow = SimulationRunnerTest.model(new Slow());
    List<String> events = new ArrayList<>();
    SimulationSet resumed = SimulationStore.open(c, slow).run(SimulationOptions.defaults(), events::add,
        ProgressListener.NONE);
    SimulationSet clean = new SimulationRunner(SimulationOptions.defaults()).run(slow, 3000, 9);
    assertSameSet(resumed, clean);
    assertThat(resumed.indices()).hasSize(3000).doesNotHaveDuplicates();
    assertThat(countChunks(c)).isEqualTo(60);
  }

  private static int countChunks(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var s = Files.list(dir)) {
      return (int) s.filter(p -> p.getFileName().toString().startsWith("chunk-")).count();
    }
  }
}
