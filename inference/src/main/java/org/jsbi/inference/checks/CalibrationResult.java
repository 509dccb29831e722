package org.jsbi.inference.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of {@link Calibration#run}.
 *
 * @param tests valid test simulations used
 * @param samplesPerTest posterior samples per test (L)
 * @param ranks SBC ranks, [dimension][test], each in 0..L
 * @param sbcPValues per dimension, KS p-value of the jittered ranks against U(0, 1)
 * @param hpdLevels per test, the credibility of the smallest highest-density region containing the true θ; null
 *     where the posterior has no log-density to rank by ({@link #HPD_SKIPPED})
 * @param coveragePValue KS p-value of the HPD levels against U(0, 1); NaN where they are null
 * @param tarpLevels per test, TARP's share of samples closer to the reference point than the true θ
 * @param tarpPValue KS p-value of the TARP levels against U(0, 1)
 * @param invalidSimulations test simulations that failed and were left out
 * @param recovery per test, the posterior's median, spread, z-score and contraction against the true value
 */
public record CalibrationResult(int tests, int samplesPerTest, int[][] ranks, double[] sbcPValues,
    double[] hpdLevels, double coveragePValue, double[] tarpLevels, double tarpPValue, int invalidSimulations,
    Recovery recovery) {
  /** Why HPD coverage is missing where {@link #hpdLevels} is null. */
  public static final String HPD_SKIPPED = "skipped: the posterior draws samples only and has no log-density to rank "
      + "them by; the rank-based coverage and TARP need none";

  /** Whether HPD coverage was measured ({@link #hpdLevels} not null). */
  public boolean hasHpd() {
    return hpdLevels != null;
  }

  /** A result without a recovery record. */
  public CalibrationResult(int tests, int samplesPerTest, int[][] ranks, double[] sbcPValues, double[] hpdLevels,
      double coveragePValue, double[] tarpLevels, double tarpPValue, int invalidSimulations) {
    this(tests, samplesPerTest, ranks, sbcPValues, hpdLevels, coveragePValue, tarpLevels, tarpPValue,
        invalidSimulations, Recovery.none(sbcPValues.length));
  }

  /** Empirical expected coverage at credibility level {@code level}: the share of tests with αᵢ ≤ level. */
  public double expectedCoverage(double[] levels, double level) {
    return Arrays.stream(levels).filter(a -> a <= level).count() / (double) levels.length;
  }

  /**
   * Rank-based expected coverage of central credible intervals for parameter {@code j}: the share of tests whose
   * true value lies inside the central {@code level} interval of its posterior samples, read off the SBC rank
   * (which needs no density, so it suits MCMC posteriors). Equals {@code level} when calibrated.
   */
  public double rankCoverage(int j, double level) {
    long inside = java.util.Arrays.stream(ranks[j])
        .filter(rank -> Math.abs(2 * (rank + 0.5) / (samplesPerTest + 1.0) - 1) <= level).count();
    return inside / (double) ranks[j].length;
  }

  /** The largest gap between rank-based coverage and the level, over parameters and levels 0.05, 0.10, …, 0.95. */
  public double rankCoverageMaxGap() {
    double gap = 0;
    for (int j = 0; j < ranks.length; j++) {
      for (int g = 1; g < 20; g++) {
        gap = Math.max(gap, Math.abs(rankCoverage(j, g / 20.0) - g / 20.0));
      }
    }
    return gap;
  }

  /** TARP's area between the expected-coverage curve and the diagonal (0 when calibrated). */
  public double tarpAreaToDiagonal() {
    return area(tarpLevels);
  }

  /** The HPD coverage curve's area to the diagonal. */
  public double hpdAreaToDiagonal() {
    return hasHpd() ? area(hpdLevels) : Double.NaN;
  }

  private double area(double[] levels) {
    double sum = 0;
    int grid = 100;
    for (int g = 1; g <= grid; g++) {
      double level = g / (double) grid;
      sum += Math.abs(expectedCoverage(levels, level) - level) / grid;
    }
    return sum;
  }

  /** The smallest p-value over all checks: SBC per dimension, HPD coverage (where measured) and TARP. */
  public double minPValue() {
    double min = Math.min(Arrays.stream(sbcPValues).min().orElse(1), tarpPValue);
    return hasHpd() ? Math.min(min, coveragePValue) : min;
  }

  /** How many tests the verdict corrects for: SBC per dimension, HPD coverage (where measured) and TARP. */
  public int testCount() {
    return sbcPValues.length + (hasHpd() ? 2 : 1);
  }

  /**
   * The smallest p-value, Bonferroni-corrected for the {@link #testCount} tests: the rule the observation checks use
   * within an observation ({@link Verdicts}), so that one page judges by one rule.
   */
  public double adjustedPValue() {
    return Math.min(1, minPValue() * testCount());
  }

  /** The verdict from {@link #adjustedPValue}, at the thresholds of {@link Verdicts}. */
  public CalibrationVerdict verdict() {
    double p = adjustedPValue();
    return p < Verdicts.MISSPECIFIED_BELOW ? CalibrationVerdict.MISCALIBRATED
        : p < Verdicts.SUSPICIOUS_BELOW ? CalibrationVerdict.SUSPICIOUS : CalibrationVerdict.CALIBRATED;
  }

  /** The rule behind {@link #verdict}, in words, for pages and commands that show it. */
  public String rule() {
    return String.format(java.util.Locale.ROOT, "the smallest of the %d p-values (SBC per parameter, "
        + (hasHpd() ? "HPD coverage, " : "") + "TARP) times %d (Bonferroni), %.4f here: miscalibrated below %.2f, "
        + "suspicious below %.2f", testCount(), testCount(), adjustedPValue(), Verdicts.MISSPECIFIED_BELOW,
        Verdicts.SUSPICIOUS_BELOW);
  }

  /**
   * This result's one JSON form, as {@code validate --output} and {@code run.json} hold it: {@code {tests,
   * samplesPerTest, invalidSimulations, calibrated, adjustedPValue, verdict, sbc: [{parameter, pValue, ranks}],
   * rankCoverage: [{parameter, curve}], hpdCoverage: {pValue, areaToDiagonal, curve} (or {skipped: why}), tarp:
   * {pValue, areaToDiagonal, curve}, recovery: [{parameter, truth, median, medianAbsoluteDeviation, zScore,
   * contraction}]}}, each curve a list
   * of {level, coverage} at levels 0, 0.05, …, 1; {@code verdict} is {@link #verdict}'s id and {@code calibrated}
   * whether it is {@code calibrated}.
   */
  public ObjectNode toJson(List<String> parameterNames) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("tests", tests);
    root.put("samplesPerTest", samplesPerTest);
    root.put("invalidSimulations", invalidSimulations);
    root.put("calibrated", verdict() == CalibrationVerdict.CALIBRATED);
    root.put("adjustedPValue", adjustedPValue());
    root.put("verdict", verdict().id());
    ArrayNode sbc = root.putArray("sbc");
    ArrayNode rank = root.putArray("rankCoverage");
    for (int j = 0; j < sbcPValues.length; j++) {
      ObjectNode o = sbc.addObject().put("parameter", parameterNames.get(j)).put("pValue", sbcPValues[j]);
      ArrayNode r = o.putArray("ranks");
      Arrays.stream(ranks[j]).forEach(r::add);
      ArrayNode c = rank.addObject().put("parameter", parameterNames.get(j)).putArray("curve");
      for (int g = 0; g <= 20; g++) {
        c.addObject().put("level", g / 20.0).put("coverage", rankCoverage(j, g / 20.0));
      }
    }
    if (hasHpd()) {
      coverage(root.putObject("hpdCoverage").put("pValue", coveragePValue).put("areaToDiagonal",
          hpdAreaToDiagonal()), hpdLevels);
    } else {
      root.putObject("hpdCoverage").put("skipped", HPD_SKIPPED);
    }
    coverage(root.putObject("tarp").put("pValue", tarpPValue).put("areaToDiagonal", tarpAreaToDiagonal()),
        tarpLevels);
    ArrayNode rec = root.putArray("recovery");
    for (int j = 0; j < recovery.truth().length; j++) {
      ObjectNode o = rec.addObject().put("parameter", parameterNames.get(j));
      Arrays.stream(recovery.truth()[j]).forEach(o.putArray("truth")::add);
      Arrays.stream(recovery.median()[j]).forEach(o.putArray("median")::add);
      Arrays.stream(recovery.mad()[j]).forEach(o.putArray("medianAbsoluteDeviation")::add);
      Arrays.stream(recovery.zScore()[j]).forEach(o.putArray("zScore")::add);
      Arrays.stream(recovery.contraction()[j]).forEach(o.putArray("contraction")::add);
    }
    return root;
  }

  private void coverage(ObjectNode node, double[] levels) {
    ArrayNode curve = node.putArray("curve");
    for (int g = 0; g <= 20; g++) {
      curve.addObject().put("level", g / 20.0).put("coverage", expectedCoverage(levels, g / 20.0));
    }
  }
}
