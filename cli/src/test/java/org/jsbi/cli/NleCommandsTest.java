package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.StatUtils;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --method nle}, {@code sample} on an NLE posterior, and {@code simulate --surrogate}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class NleCommandsTest {
  @TempDir static Path dir;
  private Path posterior;

  @BeforeAll
  void train() {
    posterior = dir.resolve("nle");
    // No --estimator: NLE's default is maf.
    CliRun run = CliRun.of("train", "--model", "two-moons", "--method", "nle",
        "--num-simulations", "1000", "--seed", "1", "--max-epochs", "10", "--output", posterior.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("trained maf (nle)");
  }

  @Test
  void samplesAnNlePosteriorByMcmcAndReportsDiagnostics() throws IOException {
    Path obs = dir.resolve("obs.csv");
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n");
    Path json = dir.resolve("diagnostics.json");
    CliRun run = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--output", dir.resolve("samples.csv").toString(),
        "--diagnostics", json.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("samples.csv"))).hasSize(201);
    assertThat(run.out()).contains("slice sampler").contains("ESS").contains("R-hat");
    // the same as numbers, per observation
    JsonNode one = new ObjectMapper().readTree(json.toFile()).get(0);
    assertThat(one.path("observation").asInt()).isEqualTo(1);
    assertThat(one.path("summary").get(0).asText()).startsWith("slice sampler: 200 draws");
    assertThat(one.path("sampler").asText()).isEqualTo("slice sampler");
    assertThat(one.path("maxRHat").asDouble()).isGreaterThan(0.9);
    assertThat(one.path("effectiveSampleSize").asDouble()).isPositive();
    assertThat(one.path("jumpAcceptance").asDouble()).isBetween(0.0, 1.0);
    double groups = 0;
    for (JsonNode g : one.path("chainGroups")) {
      groups += g.path("share").asDouble();
      assertThat(g.path("center").has("parameter_2")).isTrue();
    }
    assertThat(groups).isCloseTo(1.0, within(1e-9));
    assertThat(one.path("warnings").size()).isEqualTo(run.out().split("warning: ", -1).length - 1);

    CliRun mh = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--mcmc", "mh", "--chains", "10", "--warmup", "50", "--thin", "2",
        "--output", dir.resolve("mh.csv").toString());
    assertThat(mh.exitCode()).as(mh.err()).isZero();
    assertThat(mh.out()).contains("adaptive Metropolis-Hastings").contains("acceptance");
    CliRun noChains = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--chains", "0", "--output", dir.resolve("mh.csv").toString());
    assertThat(noChains.exitCode()).isNotZero();
    assertThat(noChains.err()).contains("--chains").contains("got 0");
  }

  /**
   * {@code --proposal}: draws from the NLE posterior by importance sampling with an NPE posterior's proposals; the
   * weights' effective sample size is reported, and an NLE proposal (no normalized density) is refused by name.
   */
  @Test
  void samplesByImportanceWithAnNpeProposal() throws IOException {
    Path npe = dir.resolve("npe-proposal");
    CliRun trained = CliRun.of("train", "--model", "two-moons", "--num-simulations", "1000", "--seed", "1",
        "--max-epochs", "10", "-q", "--output", npe.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    Path obs = dir.resolve("obs-is.csv");
    Files.writeString(obs, "data_1,data_2\n-0.6396706,0.16234657\n");
    CliRun run = CliRun.of("sample", "--posterior", posterior.toString(), "--proposal", npe.toString(),
        "--observation", obs.toString(), "--num-samples", "300", "--seed", "2", "--output",
        dir.resolve("is.csv").toString(), "--diagnostics", dir.resolve("is.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("observation 1: importance sampling: 300 draws, each picked among 32 proposals "
        + "from npe; effective sample size of the 9600 weights");
    assertThat(Files.readAllLines(dir.resolve("is.csv"))).hasSize(301).first().isEqualTo("parameter_1,parameter_2");
    JsonNode weights = new ObjectMapper().readTree(dir.resolve("is.json").toFile()).get(0);
    assertThat(weights.path("sampler").asText()).isEqualTo("importance sampling");
    assertThat(weights.path("effectiveSampleSize").asDouble()).isBetween(1.0, 9600.0);
    assertThat(weights.has("maxRHat")).as("no chains, no R-hat").isFalse();

    CliRun refused = CliRun.of("sample", "--posterior", posterior.toString(), "--proposal", posterior.toString(),
        "--observation", obs.toString(), "--num-samples", "300", "--output", dir.resolve("no.csv").toString());
    assertThat(refused.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(refused.err()).startsWith("jsbi: error: --proposal: expected a posterior with a normalized density");

    // a posterior that draws samples only has no density to weight by, nor to propose with
    Path gan = dir.resolve("gatsbi");
    CliRun ganTrained = CliRun.of("train", "--model", "two-moons", "--num-simulations", "500", "--seed", "1",
        "--estimator", "gatsbi", "--max-epochs", "3", "-q", "--output", gan.toString());
    assertThat(ganTrained.exitCode()).as(ganTrained.err()).isZero();
    assertThat(ganTrained.out()).contains("epochs, best validation energy score ");
    CliRun target = CliRun.of("sample", "--posterior", gan.toString(), "--proposal", npe.toString(),
        "--observation", obs.toString(), "--num-samples", "30", "--output", dir.resolve("no-gan.csv").toString());
    assertThat(target.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(target.err()).isEqualTo("jsbi: error: --posterior: expected one with a log-density to weight the "
        + "proposal's draws by, got one whose estimator (gatsbi) draws samples only; sample it directly\n");
    CliRun proposal = CliRun.of("sample", "--posterior", posterior.toString(), "--proposal", gan.toString(),
        "--observation", obs.toString(), "--num-samples", "30", "--output", dir.resolve("no-gan.csv").toString());
    assertThat(proposal.exitCode()).isEqualTo(Jsbi.EXIT_USAGE);
    assertThat(proposal.err()).startsWith("jsbi: error: --proposal: expected a posterior with a normalized density");
  }

  @Test
  void combinesIidTrialsIntoOnePosterior() throws IOException {
    Path one = dir.resolve("one-trial.csv");
    Files.writeString(one, "data_1,data_2\n-0.6396706,0.16234657\n");
    CliRun single = sample(posterior, one, "single.csv");
    CliRun oneTrial = sample(posterior, one, "one-trial-samples.csv", "--trials");
    assertThat(single.exitCode()).as(single.err()).isZero();
    assertThat(oneTrial.exitCode()).as(oneTrial.err()).isZero();
    assertThat(oneTrial.out()).contains("1 i.i.d. trial: slice sampler");
    // One trial is the single-observation posterior, draw for draw.
    assertThat(Files.readAllLines(dir.resolve("one-trial-samples.csv")))
        .isEqualTo(Files.readAllLines(dir.resolve("single.csv")));

    // gaussian-linear: θ ~ N(0, 0.1 I), x | θ ~ N(θ, 0.1 I), so after n trials each of the ten parameters has
    // posterior variance 0.1 / (n + 1): 0.5 in all for one trial, 0.2 for four.
    Path gl = dir.resolve("gl-nle");
    CliRun train = CliRun.of("train", "--model", "gaussian-linear", "--method", "nle", "--num-simulations", "1000",
        "--seed", "1", "--output", gl.toString());
    assertThat(train.exitCode()).as(train.err()).isZero();
    String header = String.join(",", IntStream.rangeClosed(1, 10).mapToObj(i -> "data_" + i).toList());
    String x = String.join(",", Collections.nCopies(10, "0.1"));
    Path glOne = dir.resolve("gl-one.csv");
    Files.writeString(glOne, header + "\n" + x + "\n");
    Path glFour = dir.resolve("gl-four.csv");
    Files.writeString(glFour, header + "\n" + (x + "\n").repeat(4));
    CliRun four = sample(gl, glFour, "gl-four-samples.csv", "--trials");
    assertThat(four.exitCode()).as(four.err()).isZero();
    assertThat(four.out()).contains("4 i.i.d. trials: slice sampler");
    List<String> fourDraws = Files.readAllLines(dir.resolve("gl-four-samples.csv"));
    assertThat(fourDraws).hasSize(201);
    assertThat(fourDraws.get(0)).doesNotContain("observation");
    assertThat(sample(gl, glOne, "gl-one-samples.csv", "--trials").exitCode()).isZero();
    double oneVariance = totalVariance(Files.readAllLines(dir.resolve("gl-one-samples.csv")));
    double fourVariance = totalVariance(fourDraws);
    System.out.printf("NLE gaussian-linear, --trials: total posterior variance %.3f for 1 trial (exact 0.5), "
        + "%.3f for 4 (exact 0.2)%n", oneVariance, fourVariance);
    assertThat(oneVariance).isCloseTo(0.5, within(0.15));
    assertThat(fourVariance).isCloseTo(0.2, within(0.08));

    CliRun npe = CliRun.of("train", "--model", "two-moons", "--estimator", "maf", "--num-simulations", "200",
        "--seed", "1", "--max-epochs", "2", "--output", dir.resolve("npe-for-trials").toString());
    assertThat(npe.exitCode()).as(npe.err()).isZero();
    CliRun notNle = sample(dir.resolve("npe-for-trials"), one, "x.csv", "--trials");
    assertThat(notNle.exitCode()).isNotZero();
    assertThat(notNle.err()).contains("--trials: expected an NLE posterior, got npe").doesNotContain("\tat ");
  }

  private static CliRun sample(Path posteriorDir, Path observation, String output, String... extra) {
    List<String> args = new ArrayList<>(List.of("sample", "--posterior", posteriorDir.toString(),
        "--observation", observation.toString(), "--num-samples", "200", "--seed", "2",
        "--output", dir.resolve(output).toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The sum over parameters of the sample variance, from a samples CSV with a header row. */
  private static double totalVariance(List<String> lines) {
    Batch draws = Batch.of(lines.stream().skip(1)
        .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new));
    return IntStream.range(0, draws.cols()).mapToDouble(j -> StatUtils.variance(draws.column(j))).sum();
  }

  @Test
  void simulatesWithTheLearnedLikelihood() throws IOException {
    Path theta = dir.resolve("theta.csv");
    Files.writeString(theta, "parameter_1,parameter_2\n0.1,0.2\n-0.3,0.4\n0.5,-0.5\n");
    Path out = dir.resolve("surrogate.csv");
    CliRun run = CliRun.of("simulate", "--surrogate", posterior.toString(), "--parameters", theta.toString(),
        "--seed", "3", "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("parameter_1,parameter_2,data_1,data_2");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).startsWith("-0.3,0.4,");

    CliRun fromPrior = CliRun.of("simulate", "--surrogate", posterior.toString(), "--num-simulations", "50",
        "--seed", "3", "--output", dir.resolve("prior.csv").toString());
    assertThat(fromPrior.exitCode()).as(fromPrior.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("prior.csv"))).hasSize(51);
  }

  @Test
  void badSurrogateInputsGiveOneLineErrors() throws IOException {
    Path npe = dir.resolve("npe");
    assertThat(CliRun.of("train", "--model", "two-moons", "--estimator", "maf", "--num-simulations", "200",
        "--seed", "1", "--max-epochs", "2", "--output", npe.toString()).exitCode()).isZero();
    CliRun notNle = CliRun.of("simulate", "--surrogate", npe.toString(), "--num-simulations", "5", "--seed", "1",
        "--output", dir.resolve("x.csv").toString());
    assertThat(notNle.exitCode()).isNotZero();
    assertThat(notNle.err()).contains("--surrogate:").contains("holds an NPE posterior").doesNotContain("\tat ");
    CliRun both = CliRun.of("simulate", "--model", "two-moons", "--surrogate", posterior.toString(),
        "--num-simulations", "5", "--seed", "1", "--output", dir.resolve("x.csv").toString());
    assertThat(both.err()).contains("--model or --surrogate: expected exactly one of them, got both");
    Path wide = dir.resolve("wide.csv");
    Files.writeString(wide, "a,b,c\n1,2,3\n");
    CliRun wrongColumns = CliRun.of("simulate", "--surrogate", posterior.toString(), "--parameters",
        wide.toString(), "--seed", "1", "--output", dir.resolve("x.csv").toString());
    assertThat(wrongColumns.err()).contains("--parameters:").contains("has columns a,b,c: unknown");
  }
}
