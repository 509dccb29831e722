package org.jsbi.inference.mcmc;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.jsbi.api.Batch;

/**
 * Random-walk Metropolis–Hastings with an adaptive Gaussian proposal (Haario et al. 2001; Andrieu and Thoms 2008),
 * vectorized over chains: every sweep proposes for all chains and evaluates them in one batched call. During warm-up
 * the proposal covariance follows the covariance of the chains' states, pooled over chains, and its scale follows a
 * Robbins–Monro rule towards an acceptance rate of 0.234; after warm-up the proposal is fixed, so the kept draws
 * come from a valid Markov chain.
 */
final class MetropolisHastings extends ChainSampler {
  private static final double TARGET_ACCEPTANCE = 0.234;
  private double logScale;
  private double[][] factor; // lower-triangular L with proposal covariance L Lᵀ
  private final double[] mean;
  private final double[][] scatter;
  private long adaptationCount;
  private int sweeps;
  private long accepted;
  private long proposed;

  MetropolisHastings(LogDensity target, Batch init, RandomGenerator rng) {
    super(target, init, rng);
    logScale = Math.log(2.38 / Math.sqrt(dim));
    mean = new double[dim];
    scatter = new double[dim][dim];
    factor = new double[dim][dim];
    for (int i = 0; i < dim; i++) {
      factor[i][i] = 1;
    }
    for (double[] row : x) {
      observe(row);
    }
    updateFactor();
  }

  @Override
  String name() {
    return "adaptive Metropolis-Hastings";
  }

  @Override
  double acceptance() {
    return proposed == 0 ? Double.NaN : accepted / (double) proposed;
  }

  @Override
  void sweep(boolean warmup) {
    double scale = Math.exp(logScale);
    double[][] proposal = new double[chains][dim];
    for (int c = 0; c < chains; c++) {
      double[] z = new double[dim];
      for (int i = 0; i < dim; i++) {
        z[i] = rng.nextGaussian();
      }
      for (int i = 0; i < dim; i++) {
        double s = 0;
        for (int j = 0; j <= i; j++) {
          s += factor[i][j] * z[j];
        }
        proposal[c][i] = x[c][i] + scale * s;
      }
    }
    double[] values = evaluate(proposal);
    int acceptedNow = 0;
    for (int c = 0; c < chains; c++) {
      if (Math.log(rng.nextDouble()) < values[c] - lp[c]) {
        x[c] = proposal[c];
        lp[c] = values[c];
        acceptedNow++;
      }
    }
    if (warmup) {
      sweeps++;
      logScale += (acceptedNow / (double) chains - TARGET_ACCEPTANCE) / Math.sqrt(sweeps);
      for (double[] row : x) {
        observe(row);
      }
      if (sweeps % 10 == 0) {
        updateFactor();
      }
    } else {
      accepted += acceptedNow;
      proposed += chains;
    }
  }

  /** Welford's update of the running mean and scatter matrix of the states seen in warm-up. */
  private void observe(double[] row) {
    adaptationCount++;
    double[] delta = new double[dim];
    for (int i = 0; i < dim; i++) {
      delta[i] = row[i] - mean[i];
      mean[i] += delta[i] / adaptationCount;
    }
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        scatter[i][j] += delta[i] * (row[j] - mean[j]);
      }
    }
  }

  private void updateFactor() {
    if (adaptationCount < 2 * dim + 2) {
      return;
    }
    double[][] cov = new double[dim][dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        cov[i][j] = scatter[i][j] / (adaptationCount - 1);
      }
      cov[i][i] += 1e-8 + 1e-6 * Math.abs(cov[i][i]);
    }
    try {
      factor = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-12, 1e-14).getL().getData();
    } catch (NonPositiveDefiniteMatrixException e) {
      // keep the previous proposal: the states seen so far do not yet span every direction
    }
  }
}
