package org.jsbi.cli.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The plot of {@code jsbi check}: where each observation falls in its posterior predictive, per data dimension. */
public final class PredictivePlots {
  private PredictivePlots() {}

  /**
   * Bars of the predictive quantile of the observation in each data dimension: near 0 or 1 means the model rarely
   * produces a value that low or high.
   */
  public static void write(int observation, List<String> dataNames, double[] quantiles, Path file)
      throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(700, 60 * dataNames.size())).height(400)
        .title("Observation " + observation + ": posterior predictive quantiles (0.5 is central)")
        .xAxisTitle("data dimension").yAxisTitle("share of predictive data at or below the observation").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendVisible(false);
    chart.addSeries("quantile", dataNames, java.util.Arrays.stream(quantiles).boxed().toList());
    Png.save(chart, file);
  }
}
