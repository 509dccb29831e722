package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.ConjugateNormal;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The suite picks the checks that a posterior's capabilities allow, runs each on every observation, and writes one
 * JSON form; a result type's JSON is the same wherever it is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckSuiteTest {
  private static final TrainingConfig SHORT = TrainingConfig.defaults(1).withMaxEpochs(5);
  private final FlowFactory maf = new FlowFactory(FlowSpec.maf());
  private Model model;
  private Batch reference;
  private NpePosterior npe;
  private NlePosterior nle;

  @BeforeAll
  void train() {
    model = ConjugateNormal.model();
    reference = Simulations.run(model, 400, 2).x();
    npe = new Npe(model, maf).train(Simulations.run(model, 500, 1), SHORT);
    nle = new Nle(model, maf).train(Simulations.run(model, 500, 1), SHORT);
  }

  @AfterAll
  void close() {
    npe.close();
    nle.close();
  }

  private List<String> names(CheckSuite suite) {
    return suite.checks().stream().map(Check::name).toList();
  }

  @Test
  void checksAreChosenByCapability() {
    try (CheckSuite direct = CheckSuite.of(npe, reference, maf, null, 50, 3);
        CheckSuite likelihood = CheckSuite.of(nle, reference, maf, null, 50, 3)) {
      assertThat(names(direct)).containsExactly("mmd", "typicality", "prior-predictive", "posterior-predictive");
      assertThat(names(likelihood))
          .containsExactly("mmd", "typicality", "evidence", "prior-predictive", "posterior-predictive");
    }
    try (NpePosterior embedded = new Npe(model, maf.withEmbedding(2, 16)).train(Simulations.run(model, 500, 1),
            SHORT);
        CheckSuite suite = CheckSuite.of(embedded, reference, maf, null, 50, 3);
        CheckSuite without = CheckSuite.of(embedded, reference, maf, false, 50, 3)) {
      assertThat(names(suite)).containsExactly("mmd", "mmd-embedding", "typicality", "prior-predictive",
          "posterior-predictive");
      assertThat(names(without)).doesNotContain("mmd-embedding");
    }
    assertThatThrownBy(() -> CheckSuite.of(npe, reference, maf, true, 50, 3))
        .hasMessageStartingWith("embedding: this posterior has no embedding network");
  }

  @Test
  void everyCheckRunsOnEveryObservationAndTheOutcomeHasOneJsonForm() {
    Batch observations = Simulations.run(model, 2, 9).x();
    try (CheckSuite suite = CheckSuite.of(npe, reference, maf, null, 50, 3)) {
      CheckOutcome o = suite.run(observations, 4);
      assertThat(o.reports()).hasSize(2);
      assertThat(o.reports()).allSatisfy(r -> assertThat(r.checks()).extracting(CheckResult::name)
          .containsExactlyElementsOf(names(suite)));
      assertThat(o.quantiles()).allSatisfy(q -> assertThat(q).hasSize(model.dataDim()));
      // both predictive checks ran, so each observation has posterior and prior bands per data dimension
      assertThat(o.bands()).hasSize(2).allSatisfy(b -> {
        assertThat(b.posterior()[0]).hasSize(model.dataDim());
        assertThat(b.prior()).isNotNull();
      });
      assertThat(o.batch()).isNotNull();
      JsonNode json = o.toJson();
      assertThat(json.path("model").asText()).isEqualTo(model.id());
      JsonNode first = json.path("observations").get(0).path("checks").get(0);
      assertThat(first).isEqualTo(o.reports().get(0).checks().get(0).toJson());
      assertThat(first.fieldNames()).toIterable().containsExactly("name", "statistic", "pValue", "detail");
      assertThat(json.path("batch")).isEqualTo(o.batch().toJson());
    }
  }

  @Test
  void aCalibrationResultHasOneJsonForm() {
    CalibrationResult r = Calibration.run(npe, model, 20, 20, 5);
    JsonNode json = r.toJson(model.parameterNames());
    assertThat(json.fieldNames()).toIterable().containsExactly("tests", "samplesPerTest", "invalidSimulations",
        "calibrated", "adjustedPValue", "verdict", "sbc", "rankCoverage", "hpdCoverage", "tarp", "recovery");
    assertThat(json.path("recovery").get(0).path("zScore")).hasSize(r.tests());
    assertThat(json.path("hpdCoverage").path("pValue").asDouble()).isEqualTo(r.coveragePValue());
    assertThat(json.path("tarp").path("curve")).hasSize(21);
    assertThat(json.path("sbc").get(0).path("ranks")).hasSize(r.tests());
    assertThat(json.path("calibrated").asBoolean()).isEqualTo(r.verdict() == CalibrationVerdict.CALIBRATED);
    assertThat(json.path("verdict").asText()).isEqualTo(r.verdict().id());
    assertThat(json.path("adjustedPValue").asDouble()).isEqualTo(r.adjustedPValue());
  }

  /** {@code npe}, presented as trained for one observation only. */
  private record FocusedOn(NpePosterior inner, double[] observation) implements TrainedPosterior, Focused {
    @Override
    public String method() {
      return "focused-test";
    }

    @Override
    public Model model() {
      return inner.model();
    }

    @Override
    public ConditionalDensityEstimator estimator() {
      return inner.estimator();
    }

    @Override
    public TrainingRecord training() {
      return inner.training();
    }

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public List<String> parameterNames() {
      return inner.parameterNames();
    }

    @Override
    public int dataDim() {
      return inner.dataDim();
    }

    @Override
    public PosteriorSamples sample(int n, double[] x, long seed) {
      return inner.sample(n, x, seed);
    }

    @Override
    public double[] logProb(Batch theta, double[] x) {
      return inner.logProb(theta, x);
    }

    @Override
    public double[] map(double[] x, long seed) {
      return inner.map(x, seed);
    }

    @Override
    public void close() {
      // the test closes npe
    }
  }

  @Test
  void aPosteriorForOneObservationIsNotCalibratedOnOthers() {
    double[] xo = reference.row(0);
    FocusedOn focused = new FocusedOn(npe, xo);
    assertThat(focused.as(Focused.class)).isPresent();
    assertThatThrownBy(() -> Calibration.run(focused, model, 20, 20, 5))
        .hasMessageStartingWith("posterior: expected an amortized posterior, one that answers any x");
    // Its posterior predictive p-value is the raw one: calibrating it would need the posterior of other data sets.
    try (CheckSuite suite = CheckSuite.of(focused, reference, maf, null, 50, 3);
        CheckSuite amortized = CheckSuite.of(npe, reference, maf, null, 50, 3)) {
      CheckResult raw = suite.check("posterior-predictive").test(xo, 4).result();
      CheckResult calibrated = amortized.check("posterior-predictive").test(xo, 4).result();
      assertThat(raw.detail()).isNotEqualTo(calibrated.detail());
      assertThat(raw).isEqualTo(PredictiveCheck.run("posterior-predictive", model,
          npe.sample(50, xo, 4).samples(), xo, 4).result());
    }
  }
}
