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

/** {@code train --method nle}, {@code sample} on an NLE posterior, and {@code simulate --surrogate}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    CliRun run = CliRun.of("sample", "--posterior", posterior.toString(), "--observation", obs.toString(),
        "--num-samples", "200", "--seed", "2", "--output", dir.resolve("samples.csv").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("samples.csv"))).hasSize(201);
    assertThat(run.out()).contains("slice sampler").contains("ESS").contains("R-hat");

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
    assertThat(wrongColumns.err()).contains("--parameters:").contains("has 3 columns, expected 2");
  }
}
