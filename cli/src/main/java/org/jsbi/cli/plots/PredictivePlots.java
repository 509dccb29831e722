package org.jsbi.cli.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Model;
import org.jsbi.inference.checks.PredictiveBands;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The predictive plot of {@code jsbi check} and {@code run}: the observation against the posterior predictive
 * distribution (and the prior predictive, when it ran), per data dimension. Up to {@value #PANELS} dimensions, one
 * panel each with the 50% and 90% central intervals of both and the observed value as a red line; beyond, one chart
 * along the index, as for a time series: the posterior predictive's median and bands, the prior's 90% band, and
 * the observation.
 */
public final class PredictivePlots {
  static final int PANELS = 20;
  private static final int PANEL_W = 300;
  private static final int PANEL_H = 170;
  private static final int SET_W = 520;
  private static final int SET_H = 340;
  private static final Color POSTERIOR = new Color(31, 119, 180);
  private static final Color PRIOR = new Color(150, 150, 150);
  private static final Color OBSERVED = new Color(214, 39, 40);

  private PredictivePlots() {}

  /** Writes observation {@code observation}'s plot of {@code xo} against {@code bands} into {@code file}. */
  public static void write(int observation, Model model, double[] xo, PredictiveBands bands, double[] quantiles,
      Path file) throws IOException {
    if (bands.trials() > 0) {
      Png.save(sortedTrials(model.channelNames(), bands), file);
      return;
    }
    List<String> dataNames = model.dataNames();
    if (dataNames.size() > PANELS) {
      Png.save(alongTheIndex(observation, xo, bands), file);
      return;
    }
    List<XYChart> cells = new ArrayList<>();
    for (int j = 0; j < dataNames.size(); j++) {
      cells.add(panel(dataNames.get(j), j, xo[j], bands, quantiles == null ? Double.NaN : quantiles[j]));
    }
    cells.add(legend(bands.prior() != null));
    int columns = Math.min(3, cells.size());
    Png.save(Png.grid(cells, columns, PANEL_W, PANEL_H), file);
  }

  private static XYChart panel(String name, int j, double observed, PredictiveBands bands, double quantile) {
    String title = Double.isNaN(quantile) ? name
        : String.format(Locale.ROOT, "%s: %.0f%% of predictive data below", name, 100 * quantile);
    XYChart c = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(title).build();
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendVisible(false);
    s.setChartTitleFont(s.getChartTitleFont().deriveFont(12f));
    c.getStyler().setYAxisTicksVisible(false).setYAxisMin(-0.6).setYAxisMax(1.6).setPlotGridLinesVisible(false);
    c.getStyler().setXAxisDecimalPattern("#.###");
    interval(c, "posterior", bands.posterior(), j, 1, POSTERIOR);
    double lo = Math.min(observed, bands.posterior()[0][j]);
    double hi = Math.max(observed, bands.posterior()[4][j]);
    if (bands.prior() != null) {
      interval(c, "prior", bands.prior(), j, 0, PRIOR);
      lo = Math.min(lo, bands.prior()[0][j]);
      hi = Math.max(hi, bands.prior()[4][j]);
    }
    XYSeries o = c.addSeries("observed", new double[] {observed, observed}, new double[] {-0.5, 1.5});
    o.setMarker(SeriesMarkers.NONE);
    o.setLineColor(OBSERVED);
    o.setLineWidth(2.5f);
    double pad = 0.05 * Math.max(hi - lo, 1e-9);
    c.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad);
    return c;
  }

  /** The 90% interval as a thin line, the 50% one as a thick line and the median as a dot, at height y. */
  private static void interval(XYChart c, String name, double[][] q, int j, double y, Color color) {
    XYSeries wide = c.addSeries(name + " 90%", new double[] {q[0][j], q[4][j]}, new double[] {y, y});
    wide.setMarker(SeriesMarkers.NONE);
    wide.setLineColor(color);
    wide.setLineWidth(2f);
    XYSeries mid = c.addSeries(name + " 50%", new double[] {q[1][j], q[3][j]}, new double[] {y, y});
    mid.setMarker(SeriesMarkers.NONE);
    mid.setLineColor(color);
    mid.setLineWidth(9f);
    XYSeries median = c.addSeries(name + " median", new double[] {q[2][j]}, new double[] {y});
    median.setMarker(SeriesMarkers.DIAMOND);
    median.setMarkerColor(Color.WHITE);
    median.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
  }

  private static XYChart legend(boolean withPrior) {
    XYChart c = Png.legend(PANEL_W, PANEL_H);
    Png.entry(c, "posterior predictive: 50% (thick), 90%", POSTERIOR, null);
    if (withPrior) {
      Png.entry(c, "prior predictive: 50% (thick), 90%", PRIOR, null);
    }
    Png.entry(c, "observed value", OBSERVED, null);
    return c;
  }

  /**
   * For a set of N trials: per channel, the observed trials sorted by value (rank 1 the smallest) over the bands of
   * the k-th smallest trial in the predictive sets of N trials.
   */
  private static java.awt.image.BufferedImage sortedTrials(List<String> channels, PredictiveBands bands) {
    int n = bands.trials();
    double[] rank = new double[n];
    for (int k = 0; k < n; k++) {
      rank[k] = k + 1;
    }
    List<XYChart> cells = new ArrayList<>();
    for (int j = 0; j < Math.min(PANELS, channels.size()); j++) {
      XYChart c = new XYChartBuilder().width(SET_W).height(SET_H)
          .title(channels.get(j) + ": the " + n + " observed trials, sorted").xAxisTitle("rank (1 = smallest)")
          .yAxisTitle(channels.get(j)).build();
      c.getStyler().setChartBackgroundColor(Color.WHITE);
      c.getStyler().setLegendVisible(false);
      double[] observed = java.util.Arrays.copyOfRange(bands.observed(), j * n, (j + 1) * n);
      if (bands.prior() != null) {
        line(c, "prior 5%", rank, slice(bands.prior()[0], j, n), PRIOR, true, false);
        line(c, "prior 95%", rank, slice(bands.prior()[4], j, n), PRIOR, true, false);
      }
      line(c, "posterior 5%", rank, slice(bands.posterior()[0], j, n), POSTERIOR, true, false);
      line(c, "posterior 95%", rank, slice(bands.posterior()[4], j, n), POSTERIOR, true, false);
      line(c, "posterior 25%", rank, slice(bands.posterior()[1], j, n), POSTERIOR, false, false);
      line(c, "posterior 75%", rank, slice(bands.posterior()[3], j, n), POSTERIOR, false, false);
      XYSeries o = c.addSeries("observed", rank, observed);
      o.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      o.setMarker(SeriesMarkers.CIRCLE);
      o.setMarkerColor(OBSERVED);
      if (n == 1) {
        c.getStyler().setXAxisMin(0.5).setXAxisMax(1.5);
      }
      cells.add(c);
    }
    XYChart legend = Png.legend(SET_W, SET_H);
    Png.entry(legend, "posterior predictive 50% (solid) and 90% (dashed)", POSTERIOR, null);
    if (bands.prior() != null) {
      Png.entry(legend, "prior predictive 90% (dashed)", PRIOR, null);
    }
    Png.entry(legend, "observed trials; bands: the k-th smallest of " + n + " simulated trials", OBSERVED,
        SeriesMarkers.CIRCLE);
    cells.add(legend);
    return Png.grid(cells, Math.min(2, cells.size()), SET_W, SET_H);
  }

  private static double[] slice(double[] values, int channel, int n) {
    return java.util.Arrays.copyOfRange(values, channel * n, (channel + 1) * n);
  }

  /** For many dimensions: bands along the index, with the observation over them. */
  private static XYChart alongTheIndex(int observation, double[] xo, PredictiveBands bands) {
    int d = xo.length;
    XYChart c = new XYChartBuilder().width(Math.max(900, Math.min(1600, 8 * d))).height(500)
        .title("Observation " + observation + " against its predictive distribution")
        .xAxisTitle("data dimension (index)").yAxisTitle("value").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    double[] index = new double[d];
    for (int j = 0; j < d; j++) {
      index[j] = j + 1;
    }
    if (bands.prior() != null) {
      line(c, "prior predictive 90%", index, bands.prior()[0], PRIOR, true, true);
      line(c, "prior predictive 90% ", index, bands.prior()[4], PRIOR, true, false);
    }
    line(c, "posterior predictive 90%", index, bands.posterior()[0], POSTERIOR, true, true);
    line(c, "posterior predictive 90% ", index, bands.posterior()[4], POSTERIOR, true, false);
    line(c, "posterior predictive 50%", index, bands.posterior()[1], POSTERIOR, false, true);
    line(c, "posterior predictive 50% ", index, bands.posterior()[3], POSTERIOR, false, false);
    XYSeries o = c.addSeries("observed", index, xo.clone());
    o.setLineColor(OBSERVED);
    o.setMarkerColor(OBSERVED);
    o.setMarker(d > 200 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    // XChart puts a tick on every k-th point of an equally spaced x (1, 5, 9, …); one hidden point off that grid
    // makes it choose round ticks (10, 20, …) instead.
    XYSeries offGrid = c.addSeries("off-grid", new double[] {0.5}, new double[] {xo[0]});
    offGrid.setMarker(SeriesMarkers.NONE);
    offGrid.setShowInLegend(false);
    return c;
  }

  private static void line(XYChart c, String name, double[] x, double[] y, Color color, boolean dashed,
      boolean inLegend) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    if (dashed) {
      s.setLineStyle(Png.DASHED);
    }
    s.setShowInLegend(inLegend);
  }
}
