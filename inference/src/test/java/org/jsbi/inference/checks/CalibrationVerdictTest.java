package org.jsbi.inference.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The calibration verdict's rule on constructed p-values: one Bonferroni correction over every test. */
class CalibrationVerdictTest {
  /** Two parameters' SBC p-values, then HPD coverage and TARP: four tests. */
  private static CalibrationResult withPValues(double sbc1, double sbc2, double hpd, double tarp) {
    return new CalibrationResult(100, 100, new int[2][100], new double[] {sbc1, sbc2}, new double[100], hpd,
        new double[100], tarp, 0);
  }

  @Test
  void oneSmallPValueAmongFourIsNotMiscalibrationByItself() {
    // The case seen in a report: HPD coverage p 0.0198 beside "no sign of miscalibration", with no rule stated.
    CalibrationResult r = withPValues(0.6, 0.4, 0.0198, 0.3);
    assertThat(r.testCount()).isEqualTo(4);
    assertThat(r.adjustedPValue()).isCloseTo(0.0792, within(1e-12));
    assertThat(r.verdict()).isEqualTo(CalibrationVerdict.CALIBRATED);
    assertThat(r.rule()).contains("times 4 (Bonferroni)", "0.0792", "below 0.01", "below 0.05");
  }

  @Test
  void correctedBelowTheThresholdsIsSuspiciousThenMiscalibrated() {
    assertThat(withPValues(0.6, 0.004, 0.5, 0.5).verdict()).isEqualTo(CalibrationVerdict.SUSPICIOUS);
    assertThat(withPValues(0.6, 0.5, 0.5, 0.002).verdict()).isEqualTo(CalibrationVerdict.MISCALIBRATED);
    assertThat(withPValues(0.6, 0.5, 0.5, 0.002).adjustedPValue()).isCloseTo(0.008, within(1e-12));
  }

  @Test
  void theCorrectedPValueNeverExceedsOne() {
    assertThat(withPValues(0.9, 0.8, 0.7, 0.95).adjustedPValue()).isEqualTo(1.0);
    assertThat(withPValues(0.9, 0.8, 0.7, 0.95).verdict()).isEqualTo(CalibrationVerdict.CALIBRATED);
  }
}
