package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** A PNG is a readable image of the expected size with real content: many distinct colours, not a blank canvas. */
final class PngAssert {
  private PngAssert() {}

  static void assertPlot(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("%s decodes as an image", file).isNotNull();
    assertThat(image.getWidth()).as("width of %s", file).isEqualTo(width);
    assertThat(image.getHeight()).as("height of %s", file).isEqualTo(height);
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        nonWhite += rgb != 0xFFFFFF ? 1 : 0;
      }
    }
    assertThat(colours.size()).as("distinct colours in %s", file).isGreaterThan(10);
    assertThat(nonWhite).as("non-white pixels in %s", file).isGreaterThan(image.getWidth() * image.getHeight() / 100);
  }
}
