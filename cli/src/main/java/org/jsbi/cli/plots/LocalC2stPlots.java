package org.jsbi.cli.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.inference.checks.LocalC2stResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * L-C2ST at one observation, in two panels: the P-P plot of the classifier's probabilities at the posterior's draws
 * against the null classifiers' 95% band (as sbi's {@code pp_plot_lc2st}), and the null statistics' histogram with
 * the observed statistic marked.
 */
public final class LocalC2stPlots {
  static final int WIDTH = 480;
  static final int HEIGHT = 440;
  private static final Color OBSERVED = new Color(0xD6, 0x27, 0x28);

  private LocalC2stPlots() {}

  /** Writes the two panels side by side into {@code file}. */
  public static void write(LocalC2stResult r, Path file) throws IOException {
    Png.save(Png.grid(List.of(pp(r), nullHistogram(r)), 2, WIDTH, HEIGHT), file);
  }

  /** The empirical CDF of the classifier's probabilities, inside the null classifiers' band when all is well. */
  static XYChart pp(LocalC2stResult r) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("L-C2ST: classifier probabilities")
        .xAxisTitle("probability that a draw is the posterior's").yAxisTitle("share of posterior draws at or below")
        .build();
    LocalC2stResult.PpCurve pp = r.pp();
    XYSeries hi = chart.addSeries("null classifiers, 95% band", pp.levels(), pp.nullHigh());
    XYSeries lo = chart.addSeries("null low", pp.levels(), pp.nullLow());
    for (XYSeries s : List.of(hi, lo)) {
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Color.GRAY);
      s.setLineStyle(Png.DASHED);
    }
    lo.setShowInLegend(false);
    XYSeries observed = chart.addSeries("this posterior", pp.levels(), pp.cdf());
    observed.setMarker(SeriesMarkers.NONE);
    observed.setLineColor(OBSERVED);
    // The curves rise where the probabilities lie, mostly near ½: show that window, widened to multiples of 0.05.
    double from = 1;
    double to = 0;
    for (int g = 0; g < pp.levels().length; g++) {
      double least = Math.min(pp.cdf()[g], pp.nullLow()[g]);
      double most = Math.max(pp.cdf()[g], pp.nullHigh()[g]);
      if (most > 0) {
        from = Math.min(from, pp.levels()[Math.max(0, g - 1)]);
      }
      if (least < 1) {
        to = Math.max(to, pp.levels()[Math.min(pp.levels().length - 1, g + 1)]);
      }
    }
    from = Math.max(0, Math.floor(Math.min(from, 0.45) * 20 - 1e-9) / 20);
    to = Math.min(1, Math.ceil(Math.max(to, 0.55) * 20 + 1e-9) / 20);
    chart.getStyler().setXAxisMin(from).setXAxisMax(to).setYAxisMin(0.0).setYAxisMax(1.0)
        .setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.0#");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    return chart;
  }

  /** How often the null classifiers' statistic reached each value, and where this posterior's lies. */
  static XYChart nullHistogram(LocalC2stResult r) {
    double[] s = r.nullStatistics().clone();
    Arrays.sort(s);
    double top = Math.max(s[s.length - 1], r.statistic()) * 1.05;
    int bins = 20;
    double width = top / bins;
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    int[] counts = new int[bins];
    for (double v : s) {
      counts[Math.min(bins - 1, (int) (v / width))]++;
    }
    int max = 0;
    for (int b = 0; b < bins; b++) {
      // a step outline: up at the bin's left edge, across, down at its right edge
      x[2 * b + 1] = b * width;
      y[2 * b + 1] = counts[b];
      x[2 * b + 2] = (b + 1) * width;
      y[2 * b + 2] = counts[b];
      max = Math.max(max, counts[b]);
    }
    x[2 * bins + 1] = top;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(String.format(Locale.ROOT, "L-C2ST statistic: p = %.3f", r.pValue()))
        .xAxisTitle("mean of (probability − ½)²").yAxisTitle("null classifiers").build();
    XYSeries hist = chart.addSeries(r.nullTrials() + " null classifiers", x, y);
    hist.setMarker(SeriesMarkers.NONE);
    hist.setLineColor(Color.GRAY);
    XYSeries mark = chart.addSeries("this posterior", new double[] {r.statistic(), r.statistic()},
        new double[] {0, max * 1.15});
    mark.setMarker(SeriesMarkers.NONE);
    mark.setLineColor(OBSERVED);
    mark.setLineStyle(Png.DASHED);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(top).setYAxisMin(0.0).setYAxisMax(max * 1.2)
        .setXAxisDecimalPattern("0.####").setYAxisDecimalPattern("0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    return chart;
  }
}
