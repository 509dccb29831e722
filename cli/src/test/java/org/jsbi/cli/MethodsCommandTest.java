package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inference methods are registered like models and estimators: listed, looked up by id, with their options. */
class MethodsCommandTest {
  @TempDir Path dir;

  @Test
  void methodsListsNpeAndNleWithWhatTheyNeedAndTheirOptions() {
    CliRun run = CliRun.succeeding("methods");
    assertThat(run.out().lines().toList()).contains(
        "METHOD   ESTIMATOR  DESCRIPTION",
        "nle      maf        neural likelihood estimation: fits q(x | θ), a fast surrogate simulator, and samples the "
            + "posterior by MCMC",
        "                    needs a conditional density estimator of x given θ",
        "npe      nsf        neural posterior estimation: fits q(θ | x) and samples it directly, for any observation",
        "                    --option theta-space=…: the space q is fitted in: 'original', 'unconstrained', "
            + "'truncated' or 'auto' (default auto)");
  }

  @Test
  void methodsAndTheirOptionsAreCheckedBeforeAnySimulation() {
    String out = dir.resolve("p").toString();
    assertThat(CliRun.of("train", "--model", "two-moons", "--method", "abc", "--num-simulations", "100",
        "--output", out).err()).isEqualTo("jsbi: error: --method: unknown method 'abc'; known methods: bnre, nle, npe, "
        + "nre-a, nre-b, nre-c (run 'jsbi methods' to see them described)\n");
    assertThat(CliRun.of("train", "--model", "two-moons", "--method", "nle", "--theta-space", "truncated",
        "--num-simulations", "100", "--output", out).err()).isEqualTo("jsbi: error: --theta-space: applies to NPE "
        + "only (NLE's MCMC already samples bounded priors in unconstrained space); drop it or use method npe\n");
    assertThat(CliRun.of("train", "--model", "two-moons", "--option", "rounds=3", "--num-simulations", "100",
        "--output", out).err()).isEqualTo("jsbi: error: --option rounds: not an option of this method (it takes "
        + "theta-space)\n");
    assertThat(CliRun.of("run", "--model", "two-moons", "--observation", "../examples/two-moons/observation.csv",
        "--option", "theta-space=sideways", "--output", out).err()).isEqualTo("jsbi: error: --option theta-space: "
        + "expected 'original', 'unconstrained', 'truncated' or 'auto', got 'sideways'\n");
    assertThat(dir.resolve("p")).doesNotExist();
  }
}
