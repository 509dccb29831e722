package org.jsbi.cli.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.inference.checks.Recovery;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * BayesFlow's two plots of parameter recovery over the calibration's test simulations, one panel per parameter:
 * the posterior median (with its median absolute deviation as error bars) against the true value, with R²; and the
 * posterior z-score against the contraction 1 − var(posterior) / var(prior).
 */
public final class RecoveryPlots {
  private static final int CELL = 380;
  private static final int COLUMNS = 3;
  private static final Color POINTS = new Color(31, 119, 180, 170);

  private RecoveryPlots() {}

  /** Median against truth per parameter, the diagonal being perfect recovery. */
  public static BufferedImage recovery(Recovery r, List<String> names) {
    List<XYChart> cells = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      double[] t = r.truth()[j];
      double[] m = r.median()[j];
      XYChart c = cell(String.format(Locale.ROOT, "%s: R² = %.3f", names.get(j), rSquared(t, m)),
          "true value", "posterior median");
      double lo = Math.min(min(t), min(m));
      double hi = Math.max(max(t), max(m));
      XYSeries ideal = c.addSeries("perfect recovery", new double[] {lo, hi}, new double[] {lo, hi});
      ideal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      ideal.setMarker(SeriesMarkers.NONE);
      ideal.setLineColor(Color.BLACK);
      XYSeries s = c.addSeries("median ± MAD", t, m, r.mad()[j]);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(POINTS);
      c.getStyler().setErrorBarsColor(new Color(31, 119, 180, 110));
      cells.add(c);
    }
    return grid(cells);
  }

  /** z-score against contraction per parameter: good posteriors sit near contraction 1 and within |z| ≤ 2. */
  public static BufferedImage contraction(Recovery r, List<String> names) {
    List<XYChart> cells = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      XYChart c = cell(names.get(j), "posterior contraction", "posterior z-score");
      double[] z = r.zScore()[j];
      double top = Math.max(3, Arrays.stream(z).filter(Double::isFinite).map(Math::abs).max().orElse(3));
      // contraction falls below 0 where the posterior is wider than the prior (a multimodal posterior, say)
      double left = Math.min(0.0, min(r.contraction()[j]));
      for (double level : new double[] {2, -2}) {
        XYSeries band = c.addSeries(level > 0 ? "|z| = 2" : "|z| = 2 ", new double[] {left, 1},
            new double[] {level, level});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        band.setMarker(SeriesMarkers.NONE);
        band.setLineColor(Color.GRAY);
        band.setShowInLegend(level > 0);
      }
      XYSeries s = c.addSeries("test simulations", r.contraction()[j], z);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(POINTS);
      c.getStyler().setXAxisMin(left).setXAxisMax(1.0)
          .setYAxisMin(-top * 1.05).setYAxisMax(top * 1.05);
      cells.add(c);
    }
    return grid(cells);
  }

  private static XYChart cell(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(CELL).height(CELL).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setMarkerSize(5);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    c.getStyler().setXAxisDecimalPattern("#.##").setYAxisDecimalPattern("#.##");
    return c;
  }

  private static BufferedImage grid(List<XYChart> cells) {
    int columns = Math.min(COLUMNS, cells.size());
    return Png.grid(cells, columns, CELL, CELL);
  }

  /** The share of the truth's variance that the medians explain: 1 − Σ(m − t)² / Σ(t − mean t)². */
  static double rSquared(double[] t, double[] m) {
    double mean = Arrays.stream(t).average().orElse(0);
    double residual = 0;
    double total = 0;
    for (int i = 0; i < t.length; i++) {
      residual += (m[i] - t[i]) * (m[i] - t[i]);
      total += (t[i] - mean) * (t[i] - mean);
    }
    return total > 0 ? 1 - residual / total : Double.NaN;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).min().orElse(0);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).max().orElse(1);
  }
}
