package org.jsbi.cli.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.TrainingHistory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of {@code jsbi run}: a corner plot of posterior samples, and the training curves. */
public final class PosteriorPlots {
  /** Each cell of the corner plot, in pixels. */
  public static final int CELL = 260;
  private static final int SCATTER_POINTS = 2000;
  private static final Color POSTERIOR = new Color(31, 119, 180);
  private static final Color REFERENCE = new Color(255, 127, 14);
  private static final Color TRUTH = new Color(214, 39, 40);

  private PosteriorPlots() {}

  /**
   * A d × d corner plot: marginal histograms on the diagonal, pairwise scatter plots below it. Reference samples
   * (orange) and the true θ (red) are drawn over the posterior (blue) when given.
   *
   * @param reference reference posterior samples, or null
   * @param truth the true parameters, or null
   */
  public static BufferedImage pairPlot(Batch samples, List<String> names, Batch reference, double[] truth) {
    int d = samples.cols();
    List<XYChart> cells = new ArrayList<>();
    for (int row = 0; row < d; row++) {
      for (int col = 0; col < d; col++) {
        cells.add(col > row ? null : row == col ? histogram(samples, reference, truth, col, names.get(col))
            : scatter(samples, reference, truth, col, row, names.get(col), names.get(row)));
      }
    }
    return Png.grid(cells, d, CELL, CELL);
  }

  private static XYChart cell(String x, String y) {
    XYChart c = new XYChartBuilder().width(CELL).height(CELL).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setPlotGridLinesVisible(false);
    c.getStyler().setXAxisDecimalPattern("#.##");
    c.getStyler().setYAxisDecimalPattern("#.##");
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setAxisTitleFont(c.getStyler().getAxisTitleFont().deriveFont(11f));
    c.getStyler().setAxisTickLabelsFont(c.getStyler().getAxisTickLabelsFont().deriveFont(9f));
    c.getStyler().setLegendVisible(false);
    c.getStyler().setChartTitleVisible(false);
    return c;
  }

  private static XYChart histogram(Batch samples, Batch reference, double[] truth, int j, String name) {
    XYChart c = cell(name, "density");
    double[] v = samples.column(j);
    double lo = Arrays.stream(v).min().orElse(0);
    double hi = Arrays.stream(v).max().orElse(1);
    if (reference != null) {
      lo = Math.min(lo, Arrays.stream(reference.column(j)).min().orElse(lo));
      hi = Math.max(hi, Arrays.stream(reference.column(j)).max().orElse(hi));
    }
    hi = hi > lo ? hi : lo + 1;
    step(c, "posterior", v, lo, hi, POSTERIOR);
    double top = Arrays.stream(density(v, lo, hi)).max().orElse(1);
    if (reference != null) {
      step(c, "reference", reference.column(j), lo, hi, REFERENCE);
    }
    if (truth != null) {
      XYSeries t = c.addSeries("true", new double[] {truth[j], truth[j]}, new double[] {0, top});
      t.setLineColor(TRUTH);
      t.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  private static final int BINS = 40;

  private static double[] density(double[] v, double lo, double hi) {
    double width = (hi - lo) / BINS;
    double[] counts = new double[BINS];
    for (double a : v) {
      int b = (int) ((a - lo) / width);
      counts[Math.max(0, Math.min(BINS - 1, b))]++;
    }
    for (int b = 0; b < BINS; b++) {
      counts[b] /= v.length * width;
    }
    return counts;
  }

  /** A histogram drawn as a step line, so that several overlay legibly. */
  private static void step(XYChart c, String name, double[] v, double lo, double hi, Color color) {
    double[] dens = density(v, lo, hi);
    double width = (hi - lo) / BINS;
    double[] x = new double[2 * BINS];
    double[] y = new double[2 * BINS];
    for (int b = 0; b < BINS; b++) {
      x[2 * b] = lo + b * width;
      x[2 * b + 1] = lo + (b + 1) * width;
      y[2 * b] = dens[b];
      y[2 * b + 1] = dens[b];
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setLineColor(color);
    s.setMarker(SeriesMarkers.NONE);
  }

  private static XYChart scatter(Batch samples, Batch reference, double[] truth, int jx, int jy, String nx,
      String ny) {
    XYChart c = cell(nx, ny);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(2);
    if (reference != null) {
      points(c, "reference", reference, jx, jy, REFERENCE);
    }
    points(c, "posterior", samples, jx, jy, POSTERIOR);
    if (truth != null) {
      XYSeries t = c.addSeries("true", new double[] {truth[jx]}, new double[] {truth[jy]});
      t.setMarkerColor(TRUTH);
      t.setMarker(SeriesMarkers.DIAMOND);
    }
    return c;
  }

  private static void points(XYChart c, String name, Batch b, int jx, int jy, Color color) {
    int n = Math.min(SCATTER_POINTS, b.rows());
    int stride = Math.max(1, b.rows() / n);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = b.get(i * stride, jx);
      y[i] = b.get(i * stride, jy);
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setMarkerColor(color);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  /** Training and validation loss per epoch, with the kept (best) epoch marked. */
  public static XYChart training(TrainingHistory history) {
    XYChart c = new XYChartBuilder().width(800).height(500).title("Training")
        .xAxisTitle("epoch").yAxisTitle("loss (negative log density)").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    double[] epoch = history.epochs().stream().mapToDouble(EpochStats::epoch).toArray();
    c.addSeries("training", epoch, history.epochs().stream().mapToDouble(EpochStats::trainingLoss).toArray())
        .setMarker(SeriesMarkers.NONE);
    c.addSeries("validation", epoch, history.epochs().stream().mapToDouble(EpochStats::validationLoss).toArray())
        .setMarker(SeriesMarkers.NONE);
    c.addSeries("kept: epoch " + history.bestEpoch(), new double[] {history.bestEpoch()},
        new double[] {history.bestValidationLoss()}).setMarker(SeriesMarkers.DIAMOND);
    return c;
  }
}
