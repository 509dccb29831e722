package org.jsbi.simulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Simulator;

/**
 * sbibm's bernoulli-glm: a generalized linear model of a spiking neuron. Spikes y_t ~ Bernoulli(σ(X·θ)_t) over
 * 100 time steps of a fixed white-noise stimulus; x = Xᵀy, the GLM's sufficient statistics (Lueckmann et al. 2021).
 */
public final class BernoulliGlm implements Simulator {
  static final int STEPS = 100;
  static final int FILTER = 9;
  static final int DIM = FILTER + 1;
  private static final String STIMULUS = "bernoulli_glm_stimulus.csv";

  private final double[][] design;

  public BernoulliGlm() {
    this.design = designMatrix(loadStimulus());
  }

  /** X[t, 0] = 1 and X[t, 1 + j] = I_{t − j} for t ≥ j, else 0. */
  static double[][] designMatrix(double[] stimulus) {
    double[][] x = new double[stimulus.length][DIM];
    for (int t = 0; t < stimulus.length; t++) {
      x[t][0] = 1;
      for (int j = 0; j < FILTER; j++) {
        x[t][1 + j] = t >= j ? stimulus[t - j] : 0;
      }
    }
    return x;
  }

  static double[] loadStimulus() {
    try (InputStream in = BernoulliGlm.class.getResourceAsStream(STIMULUS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + STIMULUS + " is missing from the simulators jar");
      }
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      double[] values = Arrays.stream(line.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
      if (values.length != STEPS) {
        throw new IllegalStateException(STIMULUS + ": expected " + STEPS + " values, got " + values.length);
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The design matrix X (a copy). */
  public double[][] designMatrix() {
    return Arrays.stream(design).map(double[]::clone).toArray(double[][]::new);
  }

  /**
   * The prior precision: P[0,0] = 0.5 and P[1:,1:] = FᵀF with F = D·D + diag(sqrt(i/9)), D = I − sub-diagonal.
   * Public, with the simulators' constructors, so that a plugin can reuse the task with a prior of its own making:
   * {@code Priors.normalWithPrecision(new double[10], BernoulliGlm.priorPrecision())}.
   */
  public static double[][] priorPrecision() {
    double[][] d = new double[FILTER][FILTER];
    for (int i = 0; i < FILTER; i++) {
      d[i][i] = 1;
      if (i > 0) {
        d[i][i - 1] = -1;
      }
    }
    double[][] f = new double[FILTER][FILTER];
    for (int i = 0; i < FILTER; i++) {
      for (int j = 0; j < FILTER; j++) {
        for (int k = 0; k < FILTER; k++) {
          f[i][j] += d[i][k] * d[k][j];
        }
      }
      f[i][i] += Math.sqrt(i / (double) FILTER);
    }
    double[][] p = new double[DIM][DIM];
    p[0][0] = 0.5;
    for (int i = 0; i < FILTER; i++) {
      for (int j = 0; j < FILTER; j++) {
        for (int k = 0; k < FILTER; k++) {
          p[1 + i][1 + j] += f[k][i] * f[k][j];
        }
      }
    }
    return p;
  }

  @Override
  public int parameterDim() {
    return DIM;
  }

  @Override
  public int dataDim() {
    return DIM;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    return summary(spikes(theta, rng));
  }

  /** The spike train y_t ~ Bernoulli(σ(X·θ)_t), one 0/1 value per time step. */
  public double[] spikes(double[] theta, RandomGenerator rng) {
    double[] y = new double[design.length];
    for (int t = 0; t < design.length; t++) {
      double psi = 0;
      for (int j = 0; j < DIM; j++) {
        psi += design[t][j] * theta[j];
      }
      y[t] = rng.nextDouble() < 1 / (1 + Math.exp(-psi)) ? 1 : 0;
    }
    return y;
  }

  /** The sufficient statistics Xᵀy of a spike train. */
  public double[] summary(double[] spikes) {
    double[] x = new double[DIM];
    for (int t = 0; t < design.length; t++) {
      if (spikes[t] != 0) {
        for (int j = 0; j < DIM; j++) {
          x[j] += design[t][j] * spikes[t];
        }
      }
    }
    return x;
  }
}
