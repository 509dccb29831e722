package org.jsbi.inference.mcmc;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * An equal-weight mixture of Gaussians, one on each of a set of points, each with the scatter of its nearest
 * neighbours about it as covariance: a kernel density estimate whose kernels follow the local shape of the points
 * (thin and curved where they lie along a crescent), for {@link ModeJumps}' proposals.
 */
final class KernelMixture {
  /** The fewest neighbours that shape a kernel; more in higher dimensions (twice the dimension). */
  private static final int MIN_NEIGHBOURS = 10;
  /** Added to each kernel's variances, relative to the points' overall variance per coordinate. */
  private static final double RIDGE = 1e-6;
  private final double[][] centres;
  private final double[][][] factors; // lower-triangular L with covariance L Lᵀ
  private final double[] logNorm; // −log det L − (d/2) log 2π − log K
  private final int dim;
  // the same, flat, for logDensity's inner loop: centre k at k·d, L's row a (below the diagonal) at (k·d + a)·d,
  // and 1 / L[a][a] at k·d + a
  private final double[] flatCentres;
  private final double[] flatFactors;
  private final double[] inverseDiagonal;

  private KernelMixture(double[][] centres, double[][][] factors, double[] logNorm) {
    this.centres = centres;
    this.factors = factors;
    this.logNorm = logNorm;
    this.dim = centres[0].length;
    int n = centres.length;
    flatCentres = new double[n * dim];
    flatFactors = new double[n * dim * dim];
    inverseDiagonal = new double[n * dim];
    for (int k = 0; k < n; k++) {
      for (int a = 0; a < dim; a++) {
        flatCentres[k * dim + a] = centres[k][a];
        inverseDiagonal[k * dim + a] = 1 / factors[k][a][a];
        for (int b = 0; b < a; b++) {
          flatFactors[(k * dim + a) * dim + b] = factors[k][a][b];
        }
      }
    }
  }

  /** The mixture on {@code points}, or null when there are too few of them to shape a kernel. */
  static KernelMixture fit(double[][] points) {
    int n = points.length;
    int dim = points[0].length;
    int neighbours = Math.min(n - 1, Math.max(MIN_NEIGHBOURS, 2 * dim));
    if (neighbours < 2) {
      return null;
    }
    double[] scale = new double[dim]; // overall standard deviation per coordinate, to measure distances in
    for (int i = 0; i < dim; i++) {
      double m = 0;
      double v = 0;
      for (double[] p : points) {
        m += p[i] / n;
      }
      for (double[] p : points) {
        v += (p[i] - m) * (p[i] - m) / n;
      }
      scale[i] = v > 0 ? Math.sqrt(v) : 1;
    }
    double[][][] factors = new double[n][][];
    double[] logNorm = new double[n];
    for (int k = 0; k < n; k++) {
      int[] nearest = nearest(points, k, neighbours, scale);
      double[][] cov = new double[dim][dim];
      for (int r = 0; r < neighbours; r++) {
        double[] p = points[nearest[r]];
        for (int a = 0; a < dim; a++) {
          for (int b = 0; b <= a; b++) {
            cov[a][b] += (p[a] - points[k][a]) * (p[b] - points[k][b]) / neighbours;
          }
        }
      }
      for (int a = 0; a < dim; a++) {
        cov[a][a] += RIDGE * scale[a] * scale[a];
        for (int b = 0; b < a; b++) {
          cov[b][a] = cov[a][b];
        }
      }
      factors[k] = cholesky(cov);
      double logDet = 0;
      for (int a = 0; a < dim; a++) {
        logDet += Math.log(factors[k][a][a]);
      }
      logNorm[k] = -logDet - 0.5 * dim * Math.log(2 * Math.PI) - Math.log(n);
    }
    return new KernelMixture(points, factors, logNorm);
  }

  /**
   * The {@code count} points nearest to point k (itself excluded), nearest first, in coordinates divided by
   * {@code scale}.
   */
  static int[] nearest(double[][] points, int k, int count, double[] scale) {
    int[] best = new int[count];
    double[] bestDistance = new double[count];
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    for (int j = 0; j < points.length; j++) {
      if (j == k) {
        continue;
      }
      double d2 = 0;
      for (int i = 0; i < scale.length; i++) {
        double z = (points[j][i] - points[k][i]) / scale[i];
        d2 += z * z;
      }
      if (d2 < bestDistance[count - 1]) { // insert in order, dropping the farthest
        int r = count - 1;
        while (r > 0 && bestDistance[r - 1] > d2) {
          bestDistance[r] = bestDistance[r - 1];
          best[r] = best[r - 1];
          r--;
        }
        bestDistance[r] = d2;
        best[r] = j;
      }
    }
    return best;
  }

  private static double[][] cholesky(double[][] cov) {
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-12, 0).getL().getData();
    } catch (NonPositiveDefiniteMatrixException e) {
      double[][] diagonal = new double[cov.length][cov.length];
      for (int a = 0; a < cov.length; a++) {
        diagonal[a][a] = Math.sqrt(Math.max(cov[a][a], Double.MIN_NORMAL));
      }
      return diagonal;
    }
  }

  /** A draw: a kernel picked uniformly, then a point from its Gaussian. */
  double[] draw(RandomGenerator rng) {
    int k = rng.nextInt(centres.length);
    double[] z = new double[dim];
    for (int i = 0; i < dim; i++) {
      z[i] = rng.nextGaussian();
    }
    double[] y = centres[k].clone();
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b <= a; b++) {
        y[a] += factors[k][a][b] * z[b];
      }
    }
    return y;
  }

  /** log q(y). */
  double logDensity(double[] y) {
    int n = centres.length;
    double[] terms = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    double[] u = new double[dim];
    for (int k = 0; k < n; k++) {
      int base = k * dim;
      double q = 0;
      for (int a = 0; a < dim; a++) { // solve L u = y − c by forward substitution
        double s = y[a] - flatCentres[base + a];
        int row = (base + a) * dim;
        for (int b = 0; b < a; b++) {
          s -= flatFactors[row + b] * u[b];
        }
        u[a] = s * inverseDiagonal[base + a];
        q += u[a] * u[a];
      }
      terms[k] = logNorm[k] - 0.5 * q;
      max = Math.max(max, terms[k]);
    }
    if (!(max > Double.NEGATIVE_INFINITY)) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (double t : terms) {
      if (t > max - 40) { // the others add less than e⁻⁴⁰ each: skip their exp
        sum += Math.exp(t - max);
      }
    }
    return max + Math.log(sum);
  }
}
