package org.jsbi.cli.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.jsbi.api.Batch;
import org.junit.jupiter.api.Test;

class PairPlotTest {
  @Test
  void limitsRoundToStepsOfOneTwoOrFive() {
    assertThat(PairPlot.niceStep(0.44)).isCloseTo(0.5, within(1e-12));
    assertThat(PairPlot.niceStep(0.0123)).isCloseTo(0.01, within(1e-12));
    assertThat(PairPlot.niceStep(2.5)).isCloseTo(2, within(1e-12));
    assertThat(PairPlot.niceStep(7.2)).isCloseTo(10, within(1e-12));
  }

  @Test
  void referenceAndTruthAppearInEveryPairPanelAndTheLegendInTheUpperTriangle() {
    SplittableRandom rng = new SplittableRandom(1);
    Batch draws = Batch.zeros(5000, 3);
    Batch reference = Batch.zeros(5000, 3);
    for (int r = 0; r < 5000; r++) {
      for (int j = 0; j < 3; j++) {
        draws.set(r, j, j + rng.nextDouble());
        reference.set(r, j, j + 0.5 + rng.nextDouble()); // half outside the draws' square, where it shows
      }
    }
    BufferedImage image = new PairPlot(draws, List.of("a", "b", "c"), reference, new double[] {0.5, 1.5, 2.5})
        .image();
    int cell = PairPlot.CELL;
    assertThat(image.getWidth()).isEqualTo(3 * cell);
    for (int[] panel : new int[][] {{1, 0}, {2, 0}, {2, 1}}) {
      assertThat(has(image, panel[0], panel[1], 0xE66E00)).as("reference in panel " + panel[0] + "," + panel[1])
          .isTrue();
      assertThat(has(image, panel[0], panel[1], 0xD62728)).as("truth in panel " + panel[0] + "," + panel[1])
          .isTrue();
    }
    assertThat(has(image, 0, 2, 0xD62728)).as("the legend's entry for the truth").isTrue();
    assertThat(blank(image, 0, 1)).as("the upper triangle's other cells").isTrue();
  }

  private static boolean has(BufferedImage image, int row, int col, int rgb) {
    int cell = PairPlot.CELL;
    for (int y = row * cell; y < (row + 1) * cell; y++) {
      for (int x = col * cell; x < (col + 1) * cell; x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean blank(BufferedImage image, int row, int col) {
    return !has(image, row, col, 0) && java.util.stream.IntStream.range(0, PairPlot.CELL).allMatch(
        y -> java.util.stream.IntStream.range(0, PairPlot.CELL).allMatch(
            x -> (image.getRGB(col * PairPlot.CELL + x, row * PairPlot.CELL + y) & 0xFFFFFF) == 0xFFFFFF));
  }
}
