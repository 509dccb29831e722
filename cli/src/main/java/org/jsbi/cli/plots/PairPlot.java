package org.jsbi.cli.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.inference.checks.HighestDensity;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The corner plot of posterior draws, as in corner.py and sbi's {@code pairplot}: marginal histograms on the
 * diagonal (Freedman–Diaconis bins), below it each pair's 2-D histogram shaded by highest-density region (the
 * smallest sets of bins holding 50%, 80% and 95% of the draws), and the legend in the upper triangle. Every panel of a
 * parameter shares its limits, rounded outwards to whole steps of 1, 2 or 5 times a power of ten, so that ticks fall
 * on round values and nothing is cut at the frame. Reference draws (orange; in the pair panels beneath the
 * posterior's regions, so that they stand out where the posterior misses them) and the true θ (red) appear in every
 * panel when given.
 */
final class PairPlot {
  static final int CELL = 300;
  private static final int MAX_BINS_2D = 100;
  /** About the plotting area's side in a cell, in pixels: the cell less its axes, titles and margins. */
  private static final int PLOT_PIXELS = CELL - 75;
  private static final double[] REGIONS = {0.5, 0.8, 0.95};
  private static final Color[] SHADES = {new Color(8, 69, 148), new Color(66, 146, 198), new Color(158, 202, 225)};
  private static final Color POSTERIOR = new Color(31, 119, 180);
  private static final Color REFERENCE = new Color(230, 110, 0);
  private static final Color TRUTH = new Color(214, 39, 40);
  private static final int REFERENCE_POINTS = 400;

  private final Batch samples;
  private final List<String> names;
  private final Batch reference;
  private final double[] truth;
  private final double[][] limits;

  PairPlot(Batch samples, List<String> names, Batch reference, double[] truth) {
    this.samples = samples;
    this.names = names;
    this.reference = reference;
    this.truth = truth;
    this.limits = new double[samples.cols()][];
    for (int j = 0; j < samples.cols(); j++) {
      limits[j] = limits(j);
    }
  }

  BufferedImage image() {
    int d = samples.cols();
    List<XYChart> cells = new ArrayList<>();
    for (int row = 0; row < d; row++) {
      for (int col = 0; col < d; col++) {
        cells.add(row == col ? diagonal(col) : col < row ? pair(col, row)
            : row == 0 && col == d - 1 ? legend() : null);
      }
    }
    return Png.grid(cells, d, CELL, CELL);
  }

  /** Parameter j's limits: all draws, reference draws and the truth, rounded outwards to whole ticks. */
  private double[] limits(int j) {
    double lo = Arrays.stream(samples.column(j)).filter(Double::isFinite).min().orElse(0);
    double hi = Arrays.stream(samples.column(j)).filter(Double::isFinite).max().orElse(1);
    if (reference != null) {
      lo = Math.min(lo, Arrays.stream(reference.column(j)).min().orElse(lo));
      hi = Math.max(hi, Arrays.stream(reference.column(j)).max().orElse(hi));
    }
    if (truth != null) {
      lo = Math.min(lo, truth[j]);
      hi = Math.max(hi, truth[j]);
    }
    double step = niceStep(hi > lo ? (hi - lo) / 4 : Math.max(1e-9, Math.abs(lo) / 10 + 1e-9));
    double a = Math.floor(lo / step) * step;
    double b = Math.ceil(hi / step) * step;
    return b > a ? new double[] {a, b} : new double[] {a - step, a + step};
  }

  /** 1, 2 or 5 times a power of ten, the nearest at or above {@code raw}'s leading digit's class. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / power;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
  }

  private XYChart cell(int col, String yTitle) {
    XYChart c = new XYChartBuilder().width(CELL).height(CELL).xAxisTitle(names.get(col)).yAxisTitle(yTitle).build();
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendVisible(false);
    s.setChartTitleVisible(false);
    c.getStyler().setPlotGridLinesVisible(false);
    c.getStyler().setAxisTitleFont(c.getStyler().getAxisTitleFont().deriveFont(13f));
    c.getStyler().setAxisTickLabelsFont(c.getStyler().getAxisTickLabelsFont().deriveFont(11f));
    c.getStyler().setXAxisDecimalPattern("#.###");
    c.getStyler().setYAxisDecimalPattern("#.###");
    c.getStyler().setXAxisMin(limits[col][0]).setXAxisMax(limits[col][1]);
    return c;
  }

  private XYChart diagonal(int j) {
    XYChart c = cell(j, "density");
    int bins = bins(samples.column(j), limits[j]);
    double[][] post = steps(samples.column(j), limits[j], bins);
    XYSeries p = c.addSeries("posterior", post[0], post[1]);
    p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    p.setFillColor(new Color(31, 119, 180, 90));
    p.setLineColor(POSTERIOR);
    p.setMarker(SeriesMarkers.NONE);
    double top = Arrays.stream(post[1]).max().orElse(1);
    if (reference != null) {
      double[][] ref = steps(reference.column(j), limits[j], bins);
      XYSeries r = c.addSeries("reference", ref[0], ref[1]);
      r.setLineColor(REFERENCE);
      r.setMarker(SeriesMarkers.NONE);
      top = Math.max(top, Arrays.stream(ref[1]).max().orElse(top));
    }
    if (truth != null) {
      XYSeries t = c.addSeries("true", new double[] {truth[j], truth[j]}, new double[] {0, top * 1.05});
      t.setLineColor(TRUTH);
      t.setMarker(SeriesMarkers.NONE);
    }
    c.getStyler().setYAxisMin(0.0).setYAxisMax(top * 1.08);
    if (samples.cols() == 1) {
      c.getStyler().setLegendVisible(true);
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    }
    return c;
  }

  /**
   * Freedman–Diaconis bins over the limits, between 20 and 150, with the interquartile range of the draws in the
   * marginal's largest highest-density interval ({@link HighestDensity}): for a multimodal marginal the full range's
   * IQR spans the gap between modes and would leave each mode a handful of bins.
   */
  private static int bins(double[] v, double[] lim) {
    double[] all = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    if (all.length < 4) {
      return 20;
    }
    double[] widest = HighestDensity.intervals(all, 0.9).stream()
        .max((a, b) -> Long.compare(count(all, a), count(all, b))).orElseThrow();
    double[] s = Arrays.stream(all).filter(a -> a >= widest[0] && a <= widest[1]).toArray();
    s = s.length >= 4 ? s : all;
    double width = HighestDensity.freedmanDiaconisWidth(s);
    return width > 0 ? (int) Math.max(20, Math.min(150, Math.ceil((lim[1] - lim[0]) / width))) : 20;
  }

  private static long count(double[] sorted, double[] interval) {
    return Arrays.stream(sorted).filter(a -> a >= interval[0] && a <= interval[1]).count();
  }

  /** A density histogram as the corners of a step line: x and y, two points a bin. */
  private static double[][] steps(double[] v, double[] lim, int bins) {
    double width = (lim[1] - lim[0]) / bins;
    double[] count = new double[bins];
    for (double a : v) {
      if (Double.isFinite(a)) {
        count[Math.max(0, Math.min(bins - 1, (int) ((a - lim[0]) / width)))]++;
      }
    }
    // the corners of each bin's top, from 0 at the left limit back to 0 at the right one; plus one point a third
    // into the first bin's top: XChart puts ticks at multiples of the data's spacing when the x values are equally
    // spaced (every bin edge here), which gave ticks such as -1, -0.68, -0.36
    double[] x = new double[2 * bins + 3];
    double[] y = new double[2 * bins + 3];
    x[0] = lim[0];
    x[1] = lim[0];
    y[1] = count[0] / (v.length * width);
    x[2] = lim[0] + width / 3;
    y[2] = y[1];
    for (int b = 0; b < bins; b++) {
      x[2 * b + 3] = lim[0] + (b + 1) * width;
      y[2 * b + 3] = count[b] / (v.length * width);
      if (b + 1 < bins) {
        x[2 * b + 4] = x[2 * b + 3];
        y[2 * b + 4] = count[b + 1] / (v.length * width);
      }
    }
    x[2 * bins + 2] = lim[1];
    y[2 * bins + 2] = 0;
    return new double[][] {x, y};
  }

  /** Columns jx against jy: the draws' 2-D histogram shaded by highest-density region, reference and truth over it. */
  private XYChart pair(int jx, int jy) {
    XYChart c = cell(jx, names.get(jy));
    c.getStyler().setYAxisMin(limits[jy][0]).setYAxisMax(limits[jy][1]);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    double[] lx = limits[jx];
    double[] ly = limits[jy];
    int nx = Math.min(MAX_BINS_2D, bins(samples.column(jx), lx));
    int ny = Math.min(MAX_BINS_2D, bins(samples.column(jy), ly));
    int[] count = new int[nx * ny];
    for (int r = 0; r < samples.rows(); r++) {
      int bx = (int) ((samples.get(r, jx) - lx[0]) / (lx[1] - lx[0]) * nx);
      int by = (int) ((samples.get(r, jy) - ly[0]) / (ly[1] - ly[0]) * ny);
      if (bx >= 0 && by >= 0) {
        count[Math.min(ny - 1, by) * nx + Math.min(nx - 1, bx)]++;
      }
    }
    Marker tile = new Tile(PLOT_PIXELS / (double) nx + 1, PLOT_PIXELS / (double) ny + 1);
    if (reference != null) {
      int n = Math.min(REFERENCE_POINTS, reference.rows());
      int stride = Math.max(1, reference.rows() / n);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = reference.get(i * stride, jx);
        y[i] = reference.get(i * stride, jy);
      }
      XYSeries r = c.addSeries("reference", x, y);
      r.setMarker(new Dot(2.5));
      r.setMarkerColor(REFERENCE);
    }
    int[] region = regions(count, samples.rows());
    for (int k = REGIONS.length - 1; k >= 0; k--) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int b = 0; b < count.length; b++) {
        if (region[b] == k) {
          xs.add(lx[0] + (b % nx + 0.5) * (lx[1] - lx[0]) / nx);
          ys.add(ly[0] + (b / nx + 0.5) * (ly[1] - ly[0]) / ny);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries s = c.addSeries(Math.round(100 * REGIONS[k]) + "%", xs, ys);
        s.setMarker(tile);
        // slightly translucent, so that reference draws beneath show through faintly where the posterior covers them
        s.setMarkerColor(new Color(SHADES[k].getRed(), SHADES[k].getGreen(), SHADES[k].getBlue(), 210));
      }
    }
    if (truth != null) {
      XYSeries t = c.addSeries("true", new double[] {truth[jx]}, new double[] {truth[jy]});
      t.setMarker(new Dot(10));
      t.setMarkerColor(TRUTH);
    }
    return c;
  }

  /** Per bin, the first of {@link #REGIONS} whose highest-density set holds it, or −1 for none. */
  private static int[] regions(int[] count, int total) {
    Integer[] order = new Integer[count.length];
    for (int b = 0; b < order.length; b++) {
      order[b] = b;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(count[b], count[a]));
    int[] region = new int[count.length];
    Arrays.fill(region, -1);
    long held = 0;
    int k = 0;
    for (int i = 0; i < order.length && k < REGIONS.length && count[order[i]] > 0; i++) {
      region[order[i]] = k;
      held += count[order[i]];
      while (k < REGIONS.length && held >= REGIONS[k] * total) {
        k++;
      }
    }
    return region;
  }

  /** The legend, in the upper triangle: which colour is what. */
  private XYChart legend() {
    XYChart c = Png.legend(CELL, CELL);
    c.getStyler().setLegendFont(c.getStyler().getLegendFont().deriveFont(13f));
    for (int k = 0; k < REGIONS.length; k++) {
      Png.entry(c, "posterior, " + Math.round(100 * REGIONS[k]) + "% region", SHADES[k], SeriesMarkers.SQUARE);
    }
    if (reference != null) {
      Png.entry(c, "reference samples", REFERENCE, SeriesMarkers.CIRCLE);
    }
    if (truth != null) {
      Png.entry(c, "true parameters", TRUTH, SeriesMarkers.CIRCLE);
    }
    return c;
  }

  /** A filled rectangle of a fixed size in pixels, one 2-D histogram bin. */
  private static final class Tile extends Marker {
    private final double width;
    private final double height;

    Tile(double width, double height) {
      this.width = width;
      this.height = height;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      g.fill(new java.awt.geom.Rectangle2D.Double(x - width / 2, y - height / 2, width, height));
    }
  }

  /** A filled circle of a fixed size in pixels, whatever the chart's marker size. */
  private static final class Dot extends Marker {
    private final double size;

    Dot(double size) {
      this.size = size;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      g.fill(new Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
    }
  }
}
