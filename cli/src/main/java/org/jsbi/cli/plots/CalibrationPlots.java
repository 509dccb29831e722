package org.jsbi.cli.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsbi.inference.checks.CalibrationResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of {@code jsbi validate}: SBC rank histograms, SBC ECDF differences with a band, coverage curves. */
public final class CalibrationPlots {
  private CalibrationPlots() {}

  /** Writes sbc-ranks.png, sbc-ecdf.png and coverage.png into {@code dir}; returns the files. */
  public static List<Path> write(CalibrationResult r, List<String> names, Path dir) throws IOException {
    Path ranks = dir.resolve("sbc-ranks.png");
    Png.save(rankHistogram(r, names), ranks);
    Path ecdf = dir.resolve("sbc-ecdf.png");
    Png.save(ecdfDifference(r, names), ecdf);
    Path coverage = dir.resolve("coverage.png");
    Png.save(coverage(r, names), coverage);
    return List.of(ranks, ecdf, coverage);
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
    return chart;
  }

  /**
   * ECDF of the normalized ranks minus the uniform CDF, with a simultaneous 95% band (Kolmogorov–Smirnov, 1.358 /
   * √N): a calibrated posterior stays inside it everywhere with probability 0.95.
   */
  static XYChart ecdfDifference(CalibrationResult r, List<String> names) {
    XYChart chart = new XYChartBuilder().width(800).height(500).title("SBC: ECDF difference with a 95% band")
        .xAxisTitle("normalized rank").yAxisTitle("ECDF − uniform CDF").build();
    int grid = 101;
    double[] z = new double[grid];
    for (int g = 0; g < grid; g++) {
      z[g] = g / (grid - 1.0);
    }
    for (int j = 0; j < r.ranks().length; j++) {
      double[] u = Arrays.stream(r.ranks()[j]).mapToDouble(k -> (k + 0.5) / (r.samplesPerTest() + 1.0)).sorted()
          .toArray();
      double[] diff = new double[grid];
      for (int g = 0; g < grid; g++) {
        final double at = z[g];
        diff[g] = Arrays.stream(u).filter(v -> v <= at).count() / (double) u.length - at;
      }
      chart.addSeries(names.get(j), z, diff).setMarker(SeriesMarkers.NONE);
    }
    double band = 1.358 / Math.sqrt(r.tests());
    for (double sign : new double[] {1, -1}) {
      XYSeries s = chart.addSeries(sign > 0 ? "95% band" : "95% band (lower)", new double[] {0, 1},
          new double[] {sign * band, sign * band});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(java.awt.Color.GRAY);
    }
    return chart;
  }

  /**
   * Expected coverage against the credibility level: HPD regions, TARP, and central intervals per parameter from
   * the SBC ranks; the diagonal is calibration.
   */
  static XYChart coverage(CalibrationResult r, List<String> names) {
    XYChart chart = new XYChartBuilder().width(600).height(600).title("Expected coverage")
        .xAxisTitle("credibility level").yAxisTitle("empirical coverage").build();
    List<Double> level = new ArrayList<>();
    List<Double> hpd = new ArrayList<>();
    List<Double> tarp = new ArrayList<>();
    for (int g = 0; g <= 50; g++) {
      double a = g / 50.0;
      level.add(a);
      hpd.add(r.expectedCoverage(r.hpdLevels(), a));
      tarp.add(r.expectedCoverage(r.tarpLevels(), a));
    }
    chart.addSeries("HPD regions", level, hpd).setMarker(SeriesMarkers.NONE);
    for (int j = 0; j < r.ranks().length; j++) {
      final int p = j;
      chart.addSeries("central intervals, " + names.get(j), level,
          level.stream().map(a -> r.rankCoverage(p, a)).toList()).setMarker(SeriesMarkers.NONE);
    }
    chart.addSeries("TARP", level, tarp).setMarker(SeriesMarkers.NONE);
    XYSeries diagonal = chart.addSeries("calibrated", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setMarker(SeriesMarkers.NONE);
    return chart;
  }
}
