package org.jsbi.inference.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.UnconstrainedSpace;

/**
 * Chains that sit apart: the chains' means, in units of the chains' own spread, joined into one group whenever two
 * lie within {@value #LINK} such units of each other (single linkage). One group means the chains overlap; several
 * mean separated modes (or stuck chains), each holding the share of the draws of its chains. Without jumps between
 * modes ({@link ModeJumps}) each chain stays in the mode it starts in, so those shares follow the chains' starts,
 * not the posterior's masses; with them, chains that mix are one group, and {@link DrawModes} tells the modes.
 *
 * @param centers per group, largest first, the mean of its chains' draws, in θ space
 * @param shares per group, the share of the chains (and so of the draws) in it
 */
public record ChainGroups(List<double[]> centers, double[] shares) {
  /** Two chains whose means lie within this many within-chain standard deviations are in one group. */
  static final double LINK = 4;

  /** The groups of the chains of {@code trace} ([dimension][chain][draw], unconstrained coordinates). */
  static ChainGroups of(double[][][] trace, UnconstrainedSpace space) {
    int dim = trace.length;
    int chains = trace[0].length;
    double[][] means = new double[chains][dim];
    double[] spread = new double[dim];
    for (int i = 0; i < dim; i++) {
      double within = 0;
      for (int c = 0; c < chains; c++) {
        double[] x = trace[i][c];
        double m = Arrays.stream(x).average().orElse(0);
        means[c][i] = m;
        double s = 0;
        for (double v : x) {
          s += (v - m) * (v - m);
        }
        within += x.length > 1 ? s / (x.length - 1) / chains : 0;
      }
      spread[i] = Math.sqrt(within) > 0 ? Math.sqrt(within) : 1e-12;
    }
    int[] parent = new int[chains];
    for (int c = 0; c < chains; c++) {
      parent[c] = c;
    }
    for (int a = 0; a < chains; a++) {
      for (int b = a + 1; b < chains; b++) {
        double d2 = 0;
        for (int i = 0; i < dim; i++) {
          double z = (means[a][i] - means[b][i]) / spread[i];
          d2 += z * z;
        }
        if (d2 < LINK * LINK) {
          parent[root(parent, a)] = root(parent, b);
        }
      }
    }
    List<List<Integer>> groups = new ArrayList<>();
    int[] index = new int[chains];
    Arrays.fill(index, -1);
    for (int c = 0; c < chains; c++) {
      int r = root(parent, c);
      if (index[r] < 0) {
        index[r] = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(index[r]).add(c);
    }
    groups.sort((g, h) -> Integer.compare(h.size(), g.size()));
    List<double[]> centers = new ArrayList<>();
    double[] shares = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      double[] center = new double[dim];
      for (int c : groups.get(g)) {
        for (int i = 0; i < dim; i++) {
          center[i] += means[c][i] / groups.get(g).size();
        }
      }
      centers.add(space.toConstrained(Batch.wrap(1, dim, center)).row(0));
      shares[g] = groups.get(g).size() / (double) chains;
    }
    return new ChainGroups(centers, shares);
  }

  /** The root of c's set in a union-find forest, halving the path on the way. */
  static int root(int[] parent, int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  /** Whether the chains sit in more than one group. */
  public boolean separated() {
    return shares.length > 1;
  }

  /** The groups in words: the three largest with their centers and shares, and how many there are in all. */
  public String describe() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "the chains sit in %d separated groups: ",
        shares.length));
    for (int g = 0; g < Math.min(3, shares.length); g++) {
      s.append(g == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f%% of the draws around θ = %s",
          100 * shares[g], format(centers.get(g))));
    }
    if (shares.length > 3) {
      s.append(String.format(Locale.ROOT, ", and %d smaller groups", shares.length - 3));
    }
    return s.toString();
  }

  static String format(double[] v) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", v[i]));
    }
    return s.append(')').toString();
  }
}
