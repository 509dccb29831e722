package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** CSV columns are matched by name, never by position; what cannot be matched is refused in one line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class InputFilesTest {
  private static final String EXPECTED_DATA = "expected the data names of model 'two-moons', data_1,data_2, in any "
      + "order";
  @TempDir static Path dir;
  private Path posterior;
  private Path simulations;

  @BeforeAll
  void trainAndSimulate() {
    posterior = dir.resolve("posterior");
    CliRun.succeeding("train", "--model", "two-moons", "--num-simulations", "500", "--seed", "1", "--max-epochs",
        "3", "--output", posterior.toString());
    simulations = dir.resolve("sims.csv");
    CliRun.succeeding("simulate", "--model", "two-moons", "--num-simulations", "300", "--seed", "4", "--output",
        simulations.toString());
  }

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private CliRun sample(Path obs, String output, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("sample", "--posterior", posterior.toString(),
        "--observation", obs.toString(), "--num-samples", "200", "--seed", "2", "--output",
        dir.resolve(output).toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void assertRefused(CliRun run, String firstLine) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(run.err()).isEqualTo("jsbi: error: " + firstLine + "\n");
  }

  @Test
  void observationColumnsAreMatchedByNameInAnyOrder() throws IOException {
    CliRun inOrder = sample(file("in-order.csv", "data_1,data_2\n-0.6396706,0.16234657\n"), "a.csv");
    CliRun swapped = sample(file("swapped.csv", "data_2,data_1\n0.16234657,-0.6396706\n"), "b.csv");
    assertThat(inOrder.exitCode()).as(inOrder.err()).isZero();
    assertThat(swapped.exitCode()).as(swapped.err()).isZero();
    assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo(Files.readString(dir.resolve("a.csv")));
  }

  @Test
  void rStyleQuotedFieldsAndCrlfAreRead() throws IOException {
    sample(file("plain.csv", "data_1,data_2\n-0.6396706,0.16234657\n"), "plain-out.csv");
    CliRun quoted = sample(file("quoted.csv", "\uFEFF\"data_1\",\"data_2\"\r\n\"-0.6396706\",\"0.16234657\"\r\n"),
        "quoted-out.csv");
    assertThat(quoted.exitCode()).as(quoted.err()).isZero();
    assertThat(Files.readString(dir.resolve("quoted-out.csv")))
        .isEqualTo(Files.readString(dir.resolve("plain-out.csv")));
  }

  @Test
  void unknownMissingOrRepeatedNamesAreRefused() throws IOException {
    Path xy = file("xy.csv", "x,y\n0.1,0.2\n");
    assertRefused(sample(xy, "never.csv"), "--observation: " + xy + " has columns x,y: unknown 'x', 'y', missing "
        + "'data_1', 'data_2'; " + EXPECTED_DATA);
    Path four = file("four.csv", "a,b,c,d\n1,2,3,4\n");
    assertRefused(sample(four, "never.csv"), "--observation: " + four + " has columns a,b,c,d: unknown 'a', 'b', "
        + "'c', 'd', missing 'data_1', 'data_2'; " + EXPECTED_DATA);
    Path twice = file("twice.csv", "data_1,data_1\n0.1,0.2\n");
    assertRefused(sample(twice, "never.csv"), "--observation: " + twice + " has columns data_1,data_1: missing "
        + "'data_2', repeated 'data_1'; " + EXPECTED_DATA);
    assertThat(dir.resolve("never.csv")).doesNotExist();
  }

  @Test
  void aFileWithoutAHeaderIsRefusedUnlessNoHeaderIsGiven() throws IOException {
    Path bare = file("bare.csv", "-0.6396706,0.16234657\n");
    assertRefused(sample(bare, "never.csv"), "--observation: " + bare + " has no header row (its only row, "
        + "-0.6396706,0.16234657, looks like data); add a header row naming the columns, or pass --no-header if "
        + "they are in the model's order");
    Path two = file("bare-two.csv", "-0.6396706,0.16234657\n0.1,0.2\n");
    assertRefused(sample(two, "never.csv"), "--observation: " + two + " has columns -0.6396706,0.16234657: "
        + "unknown '-0.6396706', '0.16234657', missing 'data_1', 'data_2'; " + EXPECTED_DATA + " (the first row "
        + "looks like data: add a header row naming the columns, or pass --no-header if they are in that order)");
    CliRun headerless = sample(bare, "bare-out.csv", "--no-header");
    assertThat(headerless.exitCode()).as(headerless.err()).isZero();
    sample(file("named.csv", "data_1,data_2\n-0.6396706,0.16234657\n"), "named-out.csv");
    assertThat(Files.readString(dir.resolve("bare-out.csv"))).isEqualTo(Files.readString(dir.resolve("named-out.csv")));
    Path three = file("three.csv", "1,2,3\n");
    assertRefused(sample(three, "never.csv", "--no-header"), "--observation: " + three + " has 3 columns, expected "
        + "2 (the data names of model 'two-moons', data_1,data_2, in that order, as --no-header says)");
  }

  @Test
  void simulationColumnsAreMatchedByNameAndAHeaderlessFileKeepsItsFirstRow() throws IOException {
    List<String> lines = Files.readAllLines(simulations);
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2,data_1,data_2");
    StringBuilder dataFirst = new StringBuilder("data_1,data_2,parameter_1,parameter_2\n");
    StringBuilder bare = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      dataFirst.append(c[2]).append(',').append(c[3]).append(',').append(c[0]).append(',').append(c[1]).append('\n');
      bare.append(line).append('\n');
    }
    Path original = dir.resolve("p-original");
    Path reordered = dir.resolve("p-reordered");
    Path headerless = dir.resolve("p-headerless");
    train(simulations, original);
    train(file("data-first.csv", dataFirst.toString()), reordered);
    assertThat(Files.readAllBytes(reordered.resolve("weights.bin")))
        .isEqualTo(Files.readAllBytes(original.resolve("weights.bin")));
    Path bareFile = file("bare-sims.csv", bare.toString());
    CliRun refused = train(bareFile, dir.resolve("p-never"));
    assertThat(refused.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(refused.err()).contains("the first row looks like data").contains("--no-header");
    CliRun accepted = train(bareFile, headerless, "--no-header");
    assertThat(accepted.out()).contains("300 simulations: 300 valid, 0 invalid");
    assertThat(dir.resolve("p-never")).doesNotExist();
  }

  @Test
  void thetaOutsideThePriorsSupportIsCountedAndListedAsInvalid() throws IOException {
    List<String> lines = Files.readAllLines(simulations);
    StringBuilder content = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      content.append(i == 4 ? "1.5,0.25,0.1,0.2" : lines.get(i)).append('\n');
    }
    CliRun run = train(file("outside.csv", content.toString()), dir.resolve("p-outside"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("300 simulations: 299 valid, 1 invalid (excluded)")
        .contains("invalid: 1 simulation with θ outside the prior's support BoxUniform([-1.0, 1.0]^2) (excluded): "
            + "#3 θ=[1.5, 0.25]");
  }

  private CliRun train(Path sims, Path output, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--model", "two-moons", "--simulations",
        sims.toString(), "--seed", "3", "--max-epochs", "2", "--output", output.toString()));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    return run;
  }
}
