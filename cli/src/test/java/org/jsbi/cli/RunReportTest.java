package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.posterior.SamplerDiagnostics;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.Verdicts;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The report's verdicts and summaries on constructed inputs: each rule, and what the page then says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportTest {
  private Registry registry;
  private Model model;

  @BeforeAll
  void load() {
    registry = Plugins.load();
    model = registry.model("two-moons");
  }

  @AfterAll
  void close() throws Exception {
    registry.close();
  }

  @Test
  void eachSamplerWarningIsAnItemOfItsOwnInAColouredBlock() {
    String html = new RunReport(model).sampler("slice sampler: 10 draws\nwarning: R-hat > 1.05\nwarning: the "
        + "chains sit in 2 separated groups: 60% of the draws around θ = (1, 2) & more").html();
    assertThat(html).contains("<p>Sampler: slice sampler: 10 draws</p>")
        .contains("<div class=\"warning\">")
        .contains("<li>R-hat &gt; 1.05</li>")
        .contains("<li>the chains sit in 2 separated groups: 60% of the draws around θ = (1, 2) &amp; more</li>");
    assertThat(new RunReport(model).sampler("rejection: 10 draws").html()).doesNotContain("<ul", "<div class=\"warning\">");
  }

  @Test
  void aBadRHatKeepsTheVerdictFromShowingOk() {
    Verdicts.Report ok = Verdicts.judge(List.of(List.of(new CheckResult("mmd", 0.1, 0.6, "x")))).get(0);
    assertThat(ok.verdict()).isEqualTo(Verdicts.Verdict.OK);
    String warned = new RunReport(model).checks(ok, List.of(), true).html();
    assertThat(warned).contains("<p class=\"verdict suspicious\">Verdict: unreliable:")
        .doesNotContain("class=\"verdict ok\"");
    assertThat(new RunReport(model).checks(ok, List.of(), false).html()).contains("class=\"verdict ok\">Verdict: ok");
    Verdicts.Report bad = Verdicts.judge(List.of(List.of(new CheckResult("mmd", 3, 1e-4, "x")))).get(0);
    assertThat(new RunReport(model).checks(bad, List.of(), true).html())
        .contains("class=\"verdict misspecified\">Verdict: misspecified");
  }

  @Test
  void calibrationIsJudgedByOneCorrectedRuleThatThePageStates() {
    String calibrated = new RunReport(model).calibration(withPValues(0.0198), List.of("a", "b")).html();
    assertThat(calibrated).contains("class=\"verdict ok\">Calibration: calibrated")
        .contains("The rule: the smallest of the 4 p-values", "times 4 (Bonferroni), 0.0792 here");
    String suspicious = new RunReport(model).calibration(withPValues(0.004), List.of("a", "b")).html();
    assertThat(suspicious).contains("class=\"verdict suspicious\">Calibration: suspicious");
    String miscalibrated = new RunReport(model).calibration(withPValues(0.001), List.of("a", "b")).html();
    assertThat(miscalibrated).contains("class=\"verdict misspecified\">Calibration: miscalibrated");
  }

  @Test
  void aBimodalPosteriorIsFlaggedWithItsModesAndSplitIntervals() {
    SplittableRandom rng = new SplittableRandom(3);
    Batch draws = Batch.zeros(10_000, 2);
    for (int r = 0; r < draws.rows(); r++) {
      draws.set(r, 0, (r % 2 == 0 ? -0.5 : 0.5) + 0.05 * gaussian(rng));
      draws.set(r, 1, 0.1 * gaussian(rng));
    }
    List<SamplerDiagnostics.Region> modes = List.of(new SamplerDiagnostics.Region(0.5, new double[] {-0.5, 0}),
        new SamplerDiagnostics.Region(0.5, new double[] {0.5, 0}));
    String html = new RunReport(model).posteriorSummary(draws, List.of("a", "b"), new double[] {0.5, 0}, modes)
        .html();
    assertThat(html).contains("<th>MAP</th>", "<th>90% highest-density interval</th>", "Multimodal posterior",
        "the draws lie in 2 separated modes (50.0% around (-0.5000, 0.000), 50.0% around (0.5000, 0.000))",
        "The 90% highest-density region splits for a: [", " ∪ ");
    Batch one = Batch.zeros(10_000, 2);
    for (int r = 0; r < one.rows(); r++) {
      one.set(r, 0, gaussian(rng));
      one.set(r, 1, gaussian(rng));
    }
    assertThat(new RunReport(model).posteriorSummary(one, List.of("a", "b"), null, List.of()).html())
        .doesNotContain("Multimodal", " ∪ ").contains("<td>—</td>");
  }

  /** Two parameters' SBC p-values 0.6 and 0.4, TARP 0.3, and HPD coverage {@code hpd}: four tests. */
  private static CalibrationResult withPValues(double hpd) {
    return new CalibrationResult(100, 100, new int[2][100], new double[] {0.6, 0.4}, new double[100], hpd,
        new double[100], 0.3, 0);
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
