package org.jsbi.inference.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parameter's highest-density region from posterior draws: the fewest histogram bins holding the asked-for
 * share of the draws, merged into intervals. Bins follow Freedman and Diaconis (width 2·IQR·n^(−1/3), between 20 and
 * 200 bins over the draws' range). A gap splits the region only when it spans at least {@value #GAP_BINS} bins, so a
 * single bin that misses the region by sampling noise leaves one interval. The region splits when the marginal has
 * separated modes: two moons' θ's, for example.
 */
public final class HighestDensity {
  static final int GAP_BINS = 2;

  private HighestDensity() {}

  /** The intervals [low, high], in increasing order, that together hold at least {@code mass} of {@code draws}. */
  public static List<double[]> intervals(double[] draws, double mass) {
    if (!(mass > 0 && mass < 1)) {
      throw new IllegalArgumentException("mass: expected a share between 0 and 1, got " + mass);
    }
    double[] v = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
    if (v.length < 2 || v[0] == v[v.length - 1]) {
      return v.length == 0 ? List.of() : List.of(new double[] {v[0], v[v.length - 1]});
    }
    double lo = v[0];
    double range = v[v.length - 1] - lo;
    double width = freedmanDiaconisWidth(v);
    int bins = width > 0 ? (int) Math.max(20, Math.min(200, Math.ceil(range / width))) : 20;
    int[] count = new int[bins];
    for (double a : v) {
      count[Math.min(bins - 1, (int) ((a - lo) / range * bins))]++;
    }
    Integer[] order = new Integer[bins];
    for (int b = 0; b < bins; b++) {
      order[b] = b;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(count[b], count[a]));
    boolean[] in = new boolean[bins];
    long held = 0;
    for (int k = 0; k < bins && held < mass * v.length; k++) {
      in[order[k]] = true;
      held += count[order[k]];
    }
    List<double[]> out = new ArrayList<>();
    int start = -1;
    int lastIn = -1;
    for (int b = 0; b < bins; b++) {
      if (!in[b]) {
        continue;
      }
      if (start < 0) {
        start = b;
      } else if (b - lastIn - 1 >= GAP_BINS) {
        out.add(new double[] {lo + range * start / bins, lo + range * (lastIn + 1) / bins});
        start = b;
      }
      lastIn = b;
    }
    out.add(new double[] {lo + range * start / bins, lo + range * (lastIn + 1) / bins});
    return out;
  }

  /** Freedman and Diaconis's histogram bin width for {@code sorted} (ascending) draws: 2·IQR·n^(−1/3). */
  public static double freedmanDiaconisWidth(double[] sorted) {
    double iqr = sorted[(3 * (sorted.length - 1)) / 4] - sorted[(sorted.length - 1) / 4];
    return 2 * iqr / Math.cbrt(sorted.length);
  }
}
