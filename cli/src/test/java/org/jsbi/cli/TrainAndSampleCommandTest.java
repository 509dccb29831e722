package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainAndSampleCommandTest {
  @TempDir static Path dir;
  private Path posterior;

  @BeforeAll
  void train() {
    posterior = dir.resolve("posterior");
    CliRun run = CliRun.succeeding("train", "--model", "two-moons", "--num-simulations", "1000", "--seed", "1",
        "--max-epochs", "10", "--output", posterior.toString());
    assertThat(run.out()).contains("1000 simulations: 1000 valid").contains("trained nsf (npe)");
  }

  private Path observation(String content) throws IOException {
    Path file = Files.createTempFile(dir, "obs", ".csv");
    Files.writeString(file, content);
    return file;
  }

  private CliRun sample(Path obs, Path posteriorDir) {
    return CliRun.of("sample", "--posterior", posteriorDir.toString(), "--observation", obs.toString(),
        "--num-samples", "100", "--seed", "2", "--output", dir.resolve("samples.csv").toString());
  }

  @Test
  void samplesOneRowPerSampleWithParameterNames() throws IOException {
    CliRun run = sample(observation("data_1,data_2\n-0.6396706,0.16234657\n"), posterior);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("samples.csv"));
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2");
    assertThat(lines).hasSize(101);
    assertThat(run.out()).contains("acceptance rate");
  }

  @Test
  void severalObservationsGetAnObservationColumn() throws IOException {
    CliRun run = sample(observation("data_1,data_2\n-0.6,0.16\n0.1,-0.2\n"), posterior);
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("samples.csv"));
    assertThat(lines.get(0)).isEqualTo("observation,parameter_1,parameter_2");
    assertThat(lines).hasSize(201);
    assertThat(lines.get(200)).startsWith("2,");
  }

  @Test
  void manyObservationsGetOneSummaryLine() throws IOException {
    StringBuilder rows = new StringBuilder("data_1,data_2\n");
    for (int k = 0; k < 40; k++) {
      rows.append(-0.6 + 0.01 * k).append(",0.16\n");
    }
    CliRun run = sample(observation(rows.toString()), posterior);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(2);
    assertThat(run.out()).containsPattern("^40 observations: 100 samples each in [0-9.]+ s; acceptance rate min "
        + "[01]\\.[0-9]{3}, median [01]\\.[0-9]{3}, max [01]\\.[0-9]{3}\n");
    assertThat(Files.readAllLines(dir.resolve("samples.csv"))).hasSize(4001);
  }

  @Test
  void trainingFromASimulationFileWorks() throws IOException {
    Path sims = dir.resolve("sims.csv");
    assertThat(CliRun.of("simulate", "--model", "two-moons", "--num-simulations", "500", "--seed", "3",
        "--output", sims.toString()).exitCode()).isZero();
    CliRun run = CliRun.of("train", "--model", "two-moons", "--simulations", sims.toString(), "--seed", "1",
        "--max-epochs", "3", "--output", dir.resolve("from-file").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("500 simulations: 500 valid");
  }

  @Test
  void trainingInUnconstrainedSpaceIsSavedAndSamplesStayInTheSupport() throws IOException {
    Path unconstrained = dir.resolve("unconstrained");
    CliRun run = CliRun.of("train", "--model", "two-moons", "--num-simulations", "500", "--seed", "1",
        "--max-epochs", "3", "--theta-space", "unconstrained", "--patience", "7", "--output",
        unconstrained.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(unconstrained.resolve("posterior.json")))
        .contains("\"thetaSpace\" : \"unconstrained\"").contains("\"patience\" : 7");
    CliRun sampled = sample(observation("data_1,data_2\n-0.6396706,0.16234657\n"), unconstrained);
    assertThat(sampled.exitCode()).as(sampled.err()).isZero();
    assertThat(sampled.out()).contains("acceptance rate 1.000");
    for (String line : Files.readAllLines(dir.resolve("samples.csv")).subList(1, 101)) {
      for (String v : line.split(",")) {
        assertThat(Double.parseDouble(v)).isBetween(-1.0, 1.0);
      }
    }
  }

  @Test
  void observationWithTheWrongNumberOfColumns() throws IOException {
    CliRun run = sample(observation("a,b,c\n1,2,3\n"), posterior);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--observation").contains("has columns a,b,c: unknown").doesNotContain("\tat ");
  }

  @Test
  void nanInAnObservation() throws IOException {
    CliRun run = sample(observation("data_1,data_2\n0.1,NaN\n"), posterior);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--observation").contains("column 'data_2'").contains("got NaN");
  }

  @Test
  void missingOrCorruptPosteriorDirectory() throws IOException {
    Path obs = observation("data_1,data_2\n0.1,0.2\n");
    CliRun missing = sample(obs, dir.resolve("nope"));
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("--posterior").contains("is not a jsbi posterior directory");
    Path corrupt = dir.resolve("corrupt");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve("posterior.json"), "{ not json");
    CliRun bad = sample(obs, corrupt);
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("posterior.json is corrupt").doesNotContain("\tat ");
  }

  @Test
  void unknownEstimatorListsTheKnownOnes() {
    CliRun run = CliRun.of("train", "--model", "two-moons", "--estimator", "glow", "--num-simulations", "100",
        "--seed", "1", "--output", dir.resolve("x").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("unknown estimator 'glow'; known estimators: coupling, cvae, fmpe, gatsbi, maf, "
        + "npse, nsf, ratio");
  }

  /**
   * {@code --estimator-option} sets a hyper-parameter that 'jsbi estimators' lists, which the saved posterior keeps;
   * an unknown name, a value the estimator refuses, and a saved-only key (a flow's revision) are refused in one line.
   */
  @Test
  void estimatorOptionsSetHyperParameters() throws IOException {
    CliRun listed = CliRun.of("estimators");
    assertThat(listed.out()).contains("options (--estimator-option): hidden=64, blocks=4, process=vp, sigmaMin=0.001, "
        + "sigmaMax=30.0, sampler=ode, steps=20, sdeSteps=100, tolerance=0.0");
    Path out = dir.resolve("npse-sde");
    CliRun run = CliRun.of("train", "--model", "two-moons", "--estimator", "npse", "--estimator-option",
        "sampler=sde", "--estimator-option", "sdeSteps=50", "--num-simulations", "1000", "--max-epochs", "40",
        "--seed", "1", "-q", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out.resolve("posterior.json"))).contains("\"sampler\" : \"sde\"")
        .contains("\"sdeSteps\" : \"50\"");
    String[][] refused = {
        {"npse", "samplr=sde", "jsbi: error: --estimator-option samplr: expected one of npse's options [hidden, "
            + "blocks, process, sigmaMin, sigmaMax, sampler, steps, sdeSteps, tolerance], got 'samplr'; 'jsbi "
            + "estimators' lists them\n"},
        {"npse", "sampler=euler", "jsbi: error: --estimator-option npse options {sampler=euler}: sampler: expected "
            + "'ode' or 'sde', got 'euler'\n"},
        {"nsf", "revision=1", "jsbi: error: --estimator-option revision: expected one of nsf's options [hidden, "
            + "transforms, bins, tailBound], got 'revision'; 'jsbi estimators' lists them\n"}};
    for (String[] r : refused) {
      CliRun bad = CliRun.of("train", "--model", "two-moons", "--estimator", r[0], "--estimator-option", r[1],
          "--num-simulations", "100", "--seed", "1", "--output", dir.resolve("refused").toString());
      assertThat(bad.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
      assertThat(bad.err()).isEqualTo(r[2]);
    }
    samplingOptionsChangeHowASavedEstimatorDraws(out);
  }

  /**
   * 'jsbi sample --estimator-option' switches the saved npse (trained to draw by the SDE) to the adaptive ODE solver:
   * other draws from the same seed; an option that shapes the weights, and a value the estimator refuses with the
   * saved ones, are refused in one line.
   */
  private void samplingOptionsChangeHowASavedEstimatorDraws(Path npse) throws IOException {
    assertThat(CliRun.of("estimators").out()).contains("of a trained one, 'jsbi sample' can change: sampler, steps, "
        + "sdeSteps, tolerance");
    Path obs = observation("data_1,data_2\n-0.6,0.16\n");
    CliRun sde = sample(obs, npse);
    assertThat(sde.exitCode()).as(sde.err()).isZero();
    List<String> bySde = Files.readAllLines(dir.resolve("samples.csv"));
    CliRun ode = CliRun.of("sample", "--posterior", npse.toString(), "--observation", obs.toString(),
        "--num-samples", "100", "--seed", "2", "--output", dir.resolve("samples.csv").toString(),
        "--estimator-option", "sampler=ode", "--estimator-option", "tolerance=1e-3");
    assertThat(ode.exitCode()).as(ode.err()).isZero();
    List<String> byOde = Files.readAllLines(dir.resolve("samples.csv"));
    assertThat(byOde).hasSize(101).isNotEqualTo(bySde);
    String[][] refused = {
        {"hidden=32", "jsbi: error: --estimator-option hidden: expected one of the options a trained npse can "
            + "change, [sampler, sdeSteps, steps, tolerance], got 'hidden'; the others shape the weights: retrain "
            + "with 'jsbi train --estimator-option hidden=...'\n"},
        {"tolerance=1e-3", "jsbi: error: --estimator-option {tolerance=1e-3}: tolerance: the adaptive solver draws "
            + "by the probability-flow ODE, got tolerance 0.001 with sampler 'sde'; set sampler=ode, or "
            + "tolerance=0\n"}};
    for (String[] r : refused) {
      CliRun bad = CliRun.of("sample", "--posterior", npse.toString(), "--observation", obs.toString(),
          "--num-samples", "100", "--output", dir.resolve("refused.csv").toString(), "--estimator-option", r[0]);
      assertThat(bad.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
      assertThat(bad.err()).isEqualTo(r[1]);
    }
  }

  @Test
  void simulationsAndNumberOfSimulationsAreExclusive() {
    CliRun run = CliRun.of("train", "--model", "two-moons", "--seed", "1", "--output", dir.resolve("y").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--num-simulations or --simulations: expected exactly one of them, got neither");
  }
}
