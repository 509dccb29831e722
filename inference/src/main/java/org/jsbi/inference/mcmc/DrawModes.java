package org.jsbi.inference.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.UnconstrainedSpace;

/**
 * The separated modes the draws lie in, whether or not the chains move between them: up to {@value #SUBSAMPLE}
 * draws, in unconstrained coordinates scaled to unit variance, are joined whenever their distance is within {@value
 * #REACH} times the smaller of their distances to their {@value #NEIGHBOURS}th nearest neighbours (single linkage at
 * the local scale, so sparse tails stay joined to their mode while an empty gap between dense parts separates them).
 * A mode is a joined set holding at least {@value #MIN_SHARE} of the draws; draws in smaller sets are counted as
 * scattered. On two moons the two crescents come out as two modes. slcp's four modes (the signs of θ3 and θ4) come
 * out as one: in these coordinates their inner tails reach each other, so the shares of such modes are counted by
 * the task's own rule ({@code benchmarks/ModeShares}), not here.
 *
 * @param centers per mode, largest first, the mean of its draws, in θ space
 * @param shares per mode, its share of the draws
 */
public record DrawModes(List<double[]> centers, double[] shares) {
  static final int SUBSAMPLE = 2000;
  static final int NEIGHBOURS = 10;
  static final double REACH = 3;
  static final double MIN_SHARE = 0.02;

  /** The modes of {@code y} (draws in unconstrained coordinates, one per row). */
  static DrawModes of(Batch y, UnconstrainedSpace space) {
    int n = Math.min(SUBSAMPLE, y.rows());
    int dim = y.cols();
    if (n <= NEIGHBOURS) {
      return new DrawModes(List.of(), new double[0]);
    }
    double[][] z = new double[n][dim];
    for (int i = 0; i < dim; i++) {
      double m = 0;
      double v = 0;
      for (int r = 0; r < n; r++) {
        m += y.get(r, i) / n;
      }
      for (int r = 0; r < n; r++) {
        v += (y.get(r, i) - m) * (y.get(r, i) - m) / n;
      }
      double sd = v > 0 ? Math.sqrt(v) : 1;
      for (int r = 0; r < n; r++) {
        z[r][i] = (y.get(r, i) - m) / sd;
      }
    }
    double[] kth = new double[n]; // squared distance to each draw's NEIGHBOURS-th nearest other draw
    double[] unit = new double[dim];
    Arrays.fill(unit, 1);
    for (int a = 0; a < n; a++) {
      int[] nearest = KernelMixture.nearest(z, a, NEIGHBOURS, unit);
      kth[a] = distance2(z[a], z[nearest[NEIGHBOURS - 1]]);
    }
    int[] parent = new int[n];
    for (int r = 0; r < n; r++) {
      parent[r] = r;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (distance2(z[a], z[b]) <= REACH * REACH * Math.min(kth[a], kth[b])) {
          parent[ChainGroups.root(parent, a)] = ChainGroups.root(parent, b);
        }
      }
    }
    int[] size = new int[n];
    for (int r = 0; r < n; r++) {
      size[ChainGroups.root(parent, r)]++;
    }
    List<Integer> roots = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (parent[r] == r && size[r] >= MIN_SHARE * n) {
        roots.add(r);
      }
    }
    roots.sort((a, b) -> Integer.compare(size[b], size[a]));
    List<double[]> centers = new ArrayList<>();
    double[] shares = new double[roots.size()];
    for (int g = 0; g < roots.size(); g++) {
      double[] center = new double[dim];
      for (int r = 0; r < n; r++) {
        if (ChainGroups.root(parent, r) == roots.get(g)) {
          for (int i = 0; i < dim; i++) {
            center[i] += y.get(r, i) / size[roots.get(g)];
          }
        }
      }
      centers.add(space.toConstrained(Batch.wrap(1, dim, center)).row(0));
      shares[g] = size[roots.get(g)] / (double) n;
    }
    return new DrawModes(centers, shares);
  }

  private static double distance2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double t = a[i] - b[i];
      s += t * t;
    }
    return s;
  }

  /** Whether the draws lie in more than one mode. */
  public boolean several() {
    return shares.length > 1;
  }

  /** The modes in words: each one's share of the draws and center (the three largest), and the scattered rest. */
  public String describe() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "the draws lie in %d separated modes: ",
        shares.length));
    double scattered = 1;
    for (int g = 0; g < shares.length; g++) {
      scattered -= shares[g];
      if (g < 3) {
        s.append(g == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f%% around θ = %s", 100 * shares[g],
            ChainGroups.format(centers.get(g))));
      }
    }
    if (shares.length > 3) {
      s.append(String.format(Locale.ROOT, ", and %d smaller modes", shares.length - 3));
    }
    if (scattered > 0.0005) {
      s.append(String.format(Locale.ROOT, " (%.1f%% scattered between them)", 100 * scattered));
    }
    return s.toString();
  }
}
