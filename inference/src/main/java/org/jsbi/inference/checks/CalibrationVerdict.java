package org.jsbi.inference.checks;

import java.util.Locale;

/** What the calibration tests say about a posterior, by {@link CalibrationResult#verdict}'s rule. */
public enum CalibrationVerdict {
  CALIBRATED("no sign of miscalibration: the posterior's uncertainty matches how often the true parameters fall "
      + "inside it"),
  SUSPICIOUS("possibly miscalibrated: look at the SBC and coverage plots, and rerun with more test simulations "
      + "before trusting its uncertainty"),
  MISCALIBRATED("not calibrated: do not trust its uncertainty; train on more simulations or try another estimator");

  private final String words;

  CalibrationVerdict(String words) {
    this.words = words;
  }

  public String inWords() {
    return words;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
