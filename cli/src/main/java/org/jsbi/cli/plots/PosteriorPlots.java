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
