package org.jsbi.inference.npe;

import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.api.posterior.TrainedPosterior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jsbi.api.Batch;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PosteriorStoreTest {
  static final double[] XO = {-0.6396706, 0.16234657};
  private Registry registry;
  private NpePosterior posterior;
  @TempDir Path dir;

  @BeforeAll
  void train() {
    registry = Plugins.load();
    posterior = TwoMoonsMaf.train(registry);
  }

  @AfterAll
  void close() {
    posterior.close();
  }

  @Test
  void saveAndLoadRoundTripExactly() throws IOException {
    Path saved = dir.resolve("posterior");
    PosteriorStore.save(posterior, saved);
    try (org.jsbi.api.posterior.TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
      assertThat(loaded.sample(300, XO, 7).samples()).isEqualTo(posterior.sample(300, XO, 7).samples());
      Batch theta = posterior.sample(50, XO, 8).samples();
      assertThat(loaded.logProb(theta, XO)).containsExactly(posterior.logProb(theta, XO));
      assertThat(loaded.training()).isEqualTo(posterior.training());
      assertThat(loaded.estimator().history()).isEqualTo(posterior.estimator().history());
      assertThat(loaded.estimator().state().input()).usingRecursiveComparison()
          .isEqualTo(posterior.estimator().state().input());
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("posterior"); // no temporaries left
    }
  }

  @Test
  void anotherProcessLoadsItAndDrawsIdenticalSamples() throws Exception {
    Path saved = dir.resolve("cross");
    PosteriorStore.save(posterior, saved);
    Path out = dir.resolve("child.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SampleInAnotherProcess.class.getName(), saved.toString(), "11", XO[0] + "," + XO[1], out.toString())
        .redirectErrorStream(true).start();
    String log = new String(child.getInputStream().readAllBytes());
    assertThat(child.waitFor()).as(log).isZero();
    double[] theirs = Files.readAllLines(out).stream().mapToDouble(Double::parseDouble).toArray();
    assertThat(theirs).containsExactly(posterior.sample(200, XO, 11).samples().data());
  }

  @Test
  void savingOverAnEarlierPosteriorReplacesIt() throws IOException {
    Path saved = dir.resolve("again");
    PosteriorStore.save(posterior, saved);
    PosteriorStore.save(posterior, saved);
    try (org.jsbi.api.posterior.TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
      assertThat(loaded.modelId()).isEqualTo("two-moons");
    }
    Path other = Files.createDirectory(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> PosteriorStore.save(posterior, other))
        .hasMessageContaining("is not a jsbi posterior directory");
  }

  @Test
  void corruptWeightsAreRefused() throws IOException {
    Path saved = dir.resolve("corrupt");
    PosteriorStore.save(posterior, saved);
    byte[] bytes = Files.readAllBytes(saved.resolve("weights.bin"));
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(saved.resolve("weights.bin"), bytes);
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry))
        .hasMessageContaining("weights.bin is corrupt").hasMessageContaining("SHA-256");
  }

  @Test
  void truncatedOrMalformedMetadataIsRefused() throws IOException {
    Path saved = dir.resolve("truncated");
    PosteriorStore.save(posterior, saved);
    String json = Files.readString(saved.resolve("posterior.json"));
    Files.writeString(saved.resolve("posterior.json"), json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry)).hasMessageContaining("posterior.json is corrupt");
  }

  @Test
  void unknownFormatVersionIsRefused() throws IOException {
    Path saved = dir.resolve("future");
    PosteriorStore.save(posterior, saved);
    Path meta = saved.resolve("posterior.json");
    Files.writeString(meta, Files.readString(meta).replace("\"formatVersion\" : 4", "\"formatVersion\" : 99"));
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry))
        .hasMessageContaining("format version 99").hasMessageContaining("reads versions 1 to 4");
  }

  @Test
  void filesOfEarlierFormatVersionsStillLoad() throws IOException {
    Path saved = dir.resolve("earlier");
    PosteriorStore.save(posterior, saved);
    Path meta = saved.resolve("posterior.json");
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(meta.toFile());
    assertThat(root.path("settings").path("thetaSpace").asText()).isEqualTo("original");
    // version 3: NPE's θ space at the top level, no settings object
    root.remove("settings");
    root.put("formatVersion", 3).put("thetaSpace", "original");
    mapper.writerWithDefaultPrettyPrinter().writeValue(meta.toFile(), root);
    resealed(saved);
    try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
      assertThat(((NpePosterior) loaded).thetaSpace()).isEqualTo(ThetaSpace.ORIGINAL);
      assertThat(loaded.sample(100, XO, 3).samples()).isEqualTo(posterior.sample(100, XO, 3).samples());
    }
    // version 1: written before the θ space existed, and without checksums.sha256
    root.remove("thetaSpace");
    root.put("formatVersion", 1);
    mapper.writerWithDefaultPrettyPrinter().writeValue(meta.toFile(), root);
    try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
      assertThat(((NpePosterior) loaded).thetaSpace()).isEqualTo(ThetaSpace.ORIGINAL);
      assertThat(loaded.sample(100, XO, 3).samples()).isEqualTo(posterior.sample(100, XO, 3).samples());
    }
    // a setting the method cannot use
    root.put("formatVersion", 4).putObject("settings").put("thetaSpace", "sideways");
    mapper.writerWithDefaultPrettyPrinter().writeValue(meta.toFile(), root);
    resealed(saved);
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry)).hasMessage("dir: " + meta + " has thetaSpace "
        + "'sideways', expected 'original', 'unconstrained', 'truncated' or 'auto'; the file is corrupt: train the "
        + "posterior again");
    // a method no plugin registers
    root.put("method", "abc").putObject("settings");
    mapper.writerWithDefaultPrettyPrinter().writeValue(meta.toFile(), root);
    resealed(saved);
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry)).hasMessageStartingWith("dir: " + meta
        + " was saved by method 'abc', which no loaded plugin registers: unknown method 'abc'; known methods: bnre, "
        + "nle, npe, nre-a, nre-b, nre-c");
  }

  @Test
  void missingDirectoryOrChangedModelIsRefused() throws IOException {
    assertThatThrownBy(() -> PosteriorStore.load(dir.resolve("nothing"), registry))
        .hasMessageStartingWith("dir: ").hasMessageContaining("is not a jsbi posterior directory");
    Path saved = dir.resolve("changed");
    PosteriorStore.save(posterior, saved);
    Path meta = saved.resolve("posterior.json");
    Files.writeString(meta, Files.readString(meta).replace("BoxUniform([-1.0, 1.0]^2)", "BoxUniform([-2.0, 2.0]^2)"));
    // as saved by a jsbi whose two-moons had another prior: the checksums match, the model does not
    resealed(saved);
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry))
        .hasMessageContaining("model 'two-moons' has changed");
  }

  @Test
  void theMetadataIsReadableJsonWithProvenance() throws IOException {
    Path saved = dir.resolve("readable");
    PosteriorStore.save(posterior, saved);
    String json = Files.readString(saved.resolve("posterior.json"));
    for (String field : new String[] {"\"format\" : \"jsbi-posterior\"", "\"jsbiVersion\"", "\"kind\" : \"maf\"",
        "\"prior\" : \"BoxUniform([-1.0, 1.0]^2)\"", "\"seed\" : 1", "\"bestEpoch\"", "\"sha256\"",
        "\"inputStandardization\""}) {
      assertThat(json).contains(field);
    }
    assertThat(Arrays.asList(saved.toFile().list())).containsExactlyInAnyOrder("posterior.json", "weights.bin",
        "checksums.sha256");
  }

  @Test
  void everyHandEditedFieldIsRefused() throws IOException {
    for (String[] edit : new String[][] {{"\"method\" : \"npe\"", "\"method\" : \"nle\""},
        {"\"thetaSpace\" : \"original\"", "\"thetaSpace\" : \"unconstrained\""},
        {"\"mean\" : [ ", "\"mean\" : [ 0.25, "}}) {
      Path saved = dir.resolve("edited-" + edit[1].hashCode());
      PosteriorStore.save(posterior, saved);
      Path meta = saved.resolve("posterior.json");
      String json = Files.readString(meta);
      assertThat(json).contains(edit[0]);
      Files.writeString(meta, json.replaceFirst(java.util.regex.Pattern.quote(edit[0]), edit[1]));
      assertThatThrownBy(() -> PosteriorStore.load(saved, registry))
          .hasMessage("dir: " + meta + " was changed after it was saved (its SHA-256 does not match "
              + "checksums.sha256); a hand-edited posterior is refused: train it again, or restore the saved "
              + "directory");
    }
    Path saved = dir.resolve("no-checksums");
    PosteriorStore.save(posterior, saved);
    Files.delete(saved.resolve("checksums.sha256"));
    assertThatThrownBy(() -> PosteriorStore.load(saved, registry)).hasMessageContaining("checksums.sha256 is missing");
  }

  /** Rewrites checksums.sha256 to match the files as they are now, as a save of them would have. */
  private static void resealed(Path saved) throws IOException {
    Files.writeString(saved.resolve("checksums.sha256"),
        sha256(Files.readAllBytes(saved.resolve("posterior.json"))) + "  posterior.json\n"
            + sha256(Files.readAllBytes(saved.resolve("weights.bin"))) + "  weights.bin\n");
  }

  private static String sha256(byte[] bytes) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
