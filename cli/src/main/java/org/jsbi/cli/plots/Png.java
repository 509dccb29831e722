package org.jsbi.cli.plots;

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
import org.knowm.xchart.internal.chartpart.Chart;

/** Writing charts as PNG files, atomically, and tiling several charts into one image. */
public final class Png {
  static {
    System.setProperty("java.awt.headless", "true"); // plots are files; no display is needed or wanted
  }

  private Png() {}

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
