package org.jsbi.cli.plots;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.TrainingHistory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of {@code jsbi run}: a corner plot of posterior samples, and the training curves. */
public final class PosteriorPlots {
  private PosteriorPlots() {}

  /**
   * The corner plot of the draws ({@link PairPlot}): marginal histograms, each pair's highest-density regions, and
   * reference samples (orange) and the true θ (red) in every panel when given, with a legend.
   *
   * @param reference reference posterior samples, or null
   * @param truth the true parameters, or null
   */
  public static BufferedImage pairPlot(Batch samples, List<String> names, Batch reference, double[] truth) {
    return new PairPlot(samples, names, reference, truth).image();
  }

  /**
   * Training and validation loss per epoch, with the kept (best) epoch marked, each learning-rate drop as a grey
   * dashed line after the epoch that triggered it (the best weights were restored there), and the start of a
   * truncated finish in red.
   */
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
    double lo = history.epochs().stream().mapToDouble(e -> Math.min(e.trainingLoss(), e.validationLoss()))
        .filter(Double::isFinite).min().orElse(0);
    double hi = history.epochs().stream().mapToDouble(e -> Math.max(e.trainingLoss(), e.validationLoss()))
        .filter(Double::isFinite).max().orElse(1);
    for (int k = 0; k < history.dropEpochs().size(); k++) {
      int at = history.dropEpochs().get(k);
      // series need distinct names; only the first drop is listed in the legend
      marker(c, "learning rate dropped" + " ".repeat(k), at, lo, hi, new java.awt.Color(150, 150, 150), k == 0);
    }
    if (history.finishFrom() > 0) {
      marker(c, "truncated finish from epoch " + history.finishFrom(), history.finishFrom() - 1, lo, hi,
          new java.awt.Color(214, 39, 40), true);
    }
    return c;
  }

  /** A dashed vertical line at {@code epoch}, across the losses' range. */
  private static void marker(XYChart c, String name, double epoch, double lo, double hi, java.awt.Color color,
      boolean inLegend) {
    org.knowm.xchart.XYSeries s = c.addSeries(name, new double[] {epoch + 0.5, epoch + 0.5}, new double[] {lo, hi});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(Png.DASHED);
    s.setShowInLegend(inLegend);
  }
}
