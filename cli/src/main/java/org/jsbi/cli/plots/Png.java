package org.jsbi.cli.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsbi.api.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;

/** Writing charts as PNG files, atomically, and tiling several charts into one image. */
public final class Png {
  static {
    System.setProperty("java.awt.headless", "true"); // plots are files; no display is needed or wanted
  }

  /** The dashed line of bands and markers in every plot. */
  static final BasicStroke DASHED =
      new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);

  private Png() {}

  /** A cell holding only a legend, with no axes or frame, for a grid of plots; add its entries with {@link #entry}. */
  static XYChart legend(int width, int height) {
    XYChart c = new XYChartBuilder().width(width).height(height).build();
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleVisible(false);
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendBorderColor(Color.WHITE);
    c.getStyler().setAxisTicksVisible(false).setAxisTitlesVisible(false).setPlotGridLinesVisible(false);
    c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    return c;
  }

  /** A legend entry: a line of {@code color}, or a marker of that colour when {@code marker} is not null. */
  static XYSeries entry(XYChart legend, String name, Color color, Marker marker) {
    XYSeries s = legend.addSeries(name, new double[] {-9}, new double[] {-9});
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(marker == null ? org.knowm.xchart.style.markers.SeriesMarkers.NONE : marker);
    if (marker != null) {
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    return s;
  }

  /** Renders {@code chart} into {@code file} (written to a temporary file, then renamed). */
  public static void save(Chart<?, ?> chart, Path file) throws IOException {
    save(BitmapEncoder.getBufferedImage(chart), file);
  }

  /** Writes {@code image} into {@code file} atomically. */
  public static void save(BufferedImage image, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** Charts laid out on a grid of {@code columns}, row by row; null cells stay blank. */
  public static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns, int cellWidth, int cellHeight) {
    int rows = (charts.size() + columns - 1) / columns;
    BufferedImage out = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    for (int i = 0; i < charts.size(); i++) {
      Chart<?, ?> c = charts.get(i);
      if (c != null) {
        g.drawImage(BitmapEncoder.getBufferedImage(c), (i % columns) * cellWidth, (i / columns) * cellHeight, null);
      }
    }
    g.dispose();
    return out;
  }
}
