package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** SBC, HPD coverage and TARP pass for a well-trained NPE and flag a biased and an over-confident posterior. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // long training, statistics, a child JVM or Maven: not in the fast subset (README)
class CalibrationTest {
  private Model model;
  private NpePosterior posterior;

  @BeforeAll
  void train() {
    model = org.jsbi.inference.ConjugateNormal.model();
    posterior = new Npe(model, new FlowFactory(FlowSpec.maf())).train(Simulations.run(model, 5000, 1),
        TrainingConfig.defaults(2));
  }

  @AfterAll
  void close() {
    posterior.close();
  }

  @Test
  void aWellTrainedPosteriorIsCalibrated() {
    CalibrationResult r = Calibration.run(posterior, model, 200, 200, 3);
    System.out.printf("calibrated NPE: SBC p %s, HPD coverage p %.3f, TARP p %.3f, TARP area %.3f%n",
        java.util.Arrays.toString(r.sbcPValues()), r.coveragePValue(), r.tarpPValue(), r.tarpAreaToDiagonal());
    assertThat(r.verdict()).as("verdict, " + r.rule()).isEqualTo(CalibrationVerdict.CALIBRATED);
    assertThat(java.util.Arrays.stream(r.ranks()[0]).allMatch(rank -> rank >= 0 && rank <= 200)).isTrue();
    // 200 tests: a binomial share at level 0.5 has sd 0.035, so 0.1 is about three of them at the worst level.
    assertThat(r.rankCoverageMaxGap()).as("rank-based coverage, largest gap to the level").isLessThan(0.1);
  }

  @Test
  void aBiasedPosteriorIsFlagged() {
    CalibrationResult r = Calibration.run(new Distorted(posterior, 0.15, 1.0), model, 200, 200, 4);
    assertThat(r.sbcPValues()[0]).as("SBC p of the shifted dimension").isLessThan(1e-3);
    assertThat(r.verdict()).isEqualTo(CalibrationVerdict.MISCALIBRATED);
  }

  @Test
  void anOverconfidentPosteriorIsFlagged() {
    CalibrationResult r = Calibration.run(new Distorted(posterior, 0, 0.5), model, 200, 200, 5);
    assertThat(r.coveragePValue()).as("HPD coverage p").isLessThan(1e-3);
    assertThat(r.rankCoverage(0, 0.9)).as("rank-based coverage of 90% intervals").isLessThan(0.75);
    assertThat(java.util.Arrays.stream(r.sbcPValues()).max().orElseThrow()).as("largest SBC p").isLessThan(1e-3);
  }

  /**
   * The raw posterior predictive p-value is conservative; calibrated against reference data sets it holds its level
   * over 400 well-specified observations, and it detects data shifted by 3 (the prior's sd is 1, the noise's 0.5).
   */
  @Test
  void theCalibratedPosteriorPredictiveCheckHoldsItsLevel() {
    Batch reference = Simulations.run(model, 400, 6).x();
    CalibratedPredictiveCheck check = CalibratedPredictiveCheck.fit(model, posterior, reference, 200, 7);
    Batch good = Simulations.run(model, 400, 8).x();
    int calibrated = 0;
    int raw = 0;
    for (int i = 0; i < good.rows(); i++) {
      PredictiveCheck.Outcome o = check.test(good.row(i));
      calibrated += o.result().pValue() < 0.05 ? 1 : 0;
      raw += PredictiveCheck.run("raw", model, posterior.sample(200, good.row(i), 9).samples(), good.row(i), 9)
          .result().pValue() < 0.05 ? 1 : 0;
    }
    System.out.printf("posterior predictive FPR at 0.05: raw %.3f, calibrated %.3f%n", raw / 400.0,
        calibrated / 400.0);
    assertThat(calibrated / 400.0).as("calibrated false-positive rate").isBetween(0.02, 0.08);
    double[] far = {3.5, -3.5};
    assertThat(check.test(far).result().pValue()).isLessThan(0.05);
  }

  /** A posterior whose samples are shifted by {@code shift} in θ₁ and shrunk towards their mean by {@code scale}. */
  private record Distorted(NpePosterior inner, double shift, double scale) implements Posterior {
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
      Batch s = inner.sample(n, x, seed).samples().copy();
      double[] mean = {java.util.Arrays.stream(s.column(0)).average().orElse(0),
        java.util.Arrays.stream(s.column(1)).average().orElse(0)};
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 2; j++) {
          s.set(i, j, mean[j] + scale * (s.get(i, j) - mean[j]) + (j == 0 ? shift : 0));
        }
      }
      return new PosteriorSamples(s, n, 0);
    }

    /** The density of the distorted distribution: the inner density at the undistorted point, rescaled. */
    @Override
    public double[] logProb(Batch theta, double[] x) {
      Batch back = theta.copy();
      for (int i = 0; i < back.rows(); i++) {
        back.set(i, 0, back.get(i, 0) - shift);
      }
      // Shrinking about the sample mean: approximately about the inner posterior's mode for a unimodal posterior.
      double[] m = scale == 1 ? new double[2] : inner.map(x, 1);
      for (int i = 0; i < back.rows(); i++) {
        for (int j = 0; j < 2; j++) {
          back.set(i, j, m[j] + (back.get(i, j) - m[j]) / scale);
        }
      }
      double[] lp = inner.logProb(back, x);
      for (int i = 0; i < lp.length; i++) {
        lp[i] -= 2 * Math.log(scale);
      }
      return lp;
    }

    @Override
    public double[] map(double[] x, long seed) {
      return inner.map(x, seed);
    }

    @Override
    public void close() {}
  }
}
