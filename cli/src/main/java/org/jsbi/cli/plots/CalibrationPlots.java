package org.jsbi.cli.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.checks.EcdfBand;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of {@code jsbi validate}: SBC rank histograms with each bin's binomial range, SBC ECDF differences with a
 * simultaneous band, and coverage curves with a binomial band.
 */
public final class CalibrationPlots {
  private CalibrationPlots() {}

  /**
   * Writes sbc-ranks.png, sbc-ecdf.png, coverage.png and, when the result has them, recovery.png and contraction.png
   * into {@code dir}; returns the files.
   */
  public static List<Path> write(CalibrationResult r, List<String> names, Path dir) throws IOException {
    Path ranks = dir.resolve("sbc-ranks.png");
    Png.save(rankHistogram(r, names), ranks);
    Path ecdf = dir.resolve("sbc-ecdf.png");
    Png.save(ecdfDifference(r, names), ecdf);
    Path coverage = dir.resolve("coverage.png");
    Png.save(coverage(r, names), coverage);
    if (r.recovery().tests() == 0) {
      return List.of(ranks, ecdf, coverage);
    }
    Path recovery = dir.resolve("recovery.png");
    Png.save(RecoveryPlots.recovery(r.recovery(), names), recovery);
    Path contraction = dir.resolve("contraction.png");
    Png.save(RecoveryPlots.contraction(r.recovery(), names), contraction);
    return List.of(ranks, ecdf, coverage, recovery, contraction);
  }

  /** Rank counts in 20 bins per parameter, with the count a uniform distribution expects. */
  static XYChart rankHistogram(CalibrationResult r, List<String> names) {
    int bins = Math.min(20, r.samplesPerTest() + 1);
    XYChart chart = new XYChartBuilder().width(800).height(500).title("SBC ranks (uniform when calibrated)")
        .xAxisTitle("rank of the true parameter among " + r.samplesPerTest() + " posterior samples")
        .yAxisTitle("test simulations").build();
    double width = (r.samplesPerTest() + 1.0) / bins;
    double[] x = new double[bins];
    for (int b = 0; b < bins; b++) {
      x[b] = (b + 0.5) * width;
    }
    for (int j = 0; j < r.ranks().length; j++) {
      double[] counts = new double[bins];
      for (int rank : r.ranks()[j]) {
        counts[Math.min(bins - 1, (int) (rank / width))]++;
      }
      chart.addSeries(names.get(j), x, counts).setMarker(SeriesMarkers.CIRCLE);
    }
    double expected = r.tests() / (double) bins;
    chart.addSeries("uniform", new double[] {0, r.samplesPerTest() + 1}, new double[] {expected, expected})
        .setMarker(SeriesMarkers.NONE);
    // each bin's count is Binomial(N, 1/bins) when calibrated: its central 99% range, per bin
    BinomialDistribution perBin = new BinomialDistribution(null, r.tests(), 1.0 / bins);
    band(chart, "99% range of each bin", new double[] {0, r.samplesPerTest() + 1},
        constant(perBin.inverseCumulativeProbability(0.005)), constant(perBin.inverseCumulativeProbability(0.995)));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    return chart;
  }

  /**
   * ECDF of the normalized ranks minus the uniform CDF, with the simultaneous 95% band of Säilynoja, Bürkner and
   * Vehtari (2022): a calibrated posterior's curve stays inside it at every point together with probability 0.95.
   */
  static XYChart ecdfDifference(CalibrationResult r, List<String> names) {
    XYChart chart = new XYChartBuilder().width(800).height(560).title("SBC: ECDF difference, simultaneous 95% band")
        .xAxisTitle("normalized rank").yAxisTitle("ECDF − uniform CDF").build();
    double[][] band = EcdfBand.of(r.tests(), 0.05, 1000, 1);
    double[] z = band[0];
    for (int j = 0; j < r.ranks().length; j++) {
      double[] u = Arrays.stream(r.ranks()[j]).mapToDouble(k -> (k + 0.5) / (r.samplesPerTest() + 1.0)).sorted()
          .toArray();
      double[] diff = new double[z.length];
      for (int g = 0; g < z.length; g++) {
        final double at = z[g];
        diff[g] = Arrays.stream(u).filter(v -> v <= at).count() / (double) u.length - at;
      }
      chart.addSeries(names.get(j), z, diff).setMarker(SeriesMarkers.NONE);
    }
    double[] lower = new double[z.length];
    double[] upper = new double[z.length];
    for (int g = 0; g < z.length; g++) {
      lower[g] = band[1][g] - z[g];
      upper[g] = band[2][g] - z[g];
    }
    band(chart, "simultaneous 95% band", z, lower, upper);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setXAxisDecimalPattern("0.0#")
        .setXAxisTickMarkSpacingHint(100);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    return chart;
  }

  /** Two grey lines, {@code lower} and {@code upper} over {@code x}, with one legend entry. */
  private static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper) {
    XYSeries hi = chart.addSeries(name, x, upper);
    XYSeries lo = chart.addSeries(name + " ", x, lower);
    for (XYSeries s : List.of(hi, lo)) {
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Color.GRAY);
      s.setLineStyle(Png.DASHED);
    }
    lo.setShowInLegend(false);
  }

  private static double[] constant(double v) {
    return new double[] {v, v};
  }

  /**
   * Expected coverage against the credibility level: HPD regions, TARP, and central intervals per parameter from
   * the SBC ranks; the diagonal is calibration.
   */
  static XYChart coverage(CalibrationResult r, List<String> names) {
    XYChart chart = new XYChartBuilder().width(640).height(760).title("Expected coverage")
        .xAxisTitle("credibility level").yAxisTitle("empirical coverage").build();
    List<Double> level = new ArrayList<>();
    List<Double> hpd = new ArrayList<>();
    List<Double> tarp = new ArrayList<>();
    for (int g = 0; g <= 50; g++) {
      double a = g / 50.0;
      level.add(a);
      if (r.hasHpd()) {
        hpd.add(r.expectedCoverage(r.hpdLevels(), a));
      }
      tarp.add(r.expectedCoverage(r.tarpLevels(), a));
    }
    if (r.hasHpd()) {
      chart.addSeries("HPD regions", level, hpd).setMarker(SeriesMarkers.NONE);
    }
    for (int j = 0; j < r.ranks().length; j++) {
      final int p = j;
      chart.addSeries("central intervals, " + names.get(j), level,
          level.stream().map(a -> r.rankCoverage(p, a)).toList()).setMarker(SeriesMarkers.NONE);
    }
    chart.addSeries("TARP", level, tarp).setMarker(SeriesMarkers.NONE);
    XYSeries diagonal = chart.addSeries("calibrated", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(Color.BLACK);
    // the share of N tests covered at level a is Binomial(N, a) / N when calibrated: its central 95% range
    double[] lower = new double[level.size()];
    double[] upper = new double[level.size()];
    for (int g = 0; g < level.size(); g++) {
      BinomialDistribution covered = new BinomialDistribution(null, r.tests(), level.get(g));
      lower[g] = covered.inverseCumulativeProbability(0.025) / (double) r.tests();
      upper[g] = covered.inverseCumulativeProbability(0.975) / (double) r.tests();
    }
    band(chart, "95% range at each level", level.stream().mapToDouble(Double::doubleValue).toArray(), lower, upper);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
        .setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.0#").setXAxisTickMarkSpacingHint(100);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    return chart;
  }
}
