package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * sbibm's gaussian-linear (and, with a uniform prior, gaussian-linear-uniform) simulator: x ~ N(θ, 0.1·I) in 10
 * dimensions (Lueckmann et al. 2021).
 */
public final class GaussianLinear implements Simulator {
  static final int DIM = 10;
  static final double NOISE_VARIANCE = 0.1;
  static final double PRIOR_VARIANCE = 0.1;

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
    double sd = Math.sqrt(NOISE_VARIANCE);
    double[] x = new double[DIM];
    for (int i = 0; i < DIM; i++) {
      x[i] = theta[i] + sd * rng.nextGaussian();
    }
    return x;
  }

  /** With prior N(0, 0.1·I) the posterior is N(0.5·x_o, 0.05·I). */
  static final class NormalPriorPosterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, DIM);
      double precision = 1 / PRIOR_VARIANCE + 1 / NOISE_VARIANCE;
      double sd = Math.sqrt(1 / precision);
      double shrink = (1 / NOISE_VARIANCE) / precision;
      Batch out = Batch.zeros(n, DIM);
      for (int k = 0; k < n; k++) {
        for (int i = 0; i < DIM; i++) {
          out.set(k, i, shrink * xObserved[i] + sd * rng.nextGaussian());
        }
      }
      return out;
    }
  }

  /** With prior U([-1, 1]^10) the posterior is N(x_o, 0.1·I) truncated to the box, sampled exactly by rejection. */
  static final class UniformPriorPosterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, DIM);
      double sd = Math.sqrt(NOISE_VARIANCE);
      Batch out = Batch.zeros(n, DIM);
      for (int i = 0; i < DIM; i++) {
        // The dimensions are independent, so each is rejection-sampled on its own interval.
        if (Math.abs(xObserved[i]) > 1 + 6 * sd) {
          throw new IllegalArgumentException("xObserved[" + i + "]: expected a value within 6 noise standard "
              + "deviations of [-1, 1], got " + xObserved[i] + "; the truncated posterior is degenerate there");
        }
        for (int k = 0; k < n; k++) {
          double v;
          do {
            v = xObserved[i] + sd * rng.nextGaussian();
          } while (v < -1 || v > 1);
          out.set(k, i, v);
        }
      }
      return out;
    }
  }
}
