package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * One trial of the gaussian-trials model: x ~ N(θ, I₂), θ ~ N(0, I₂). After N i.i.d. trials with mean x̄ the
 * posterior is N(N x̄ / (N + 1), I / (N + 1)) for every N: the exact reference of a posterior amortized over the
 * number of trials.
 */
public final class GaussianTrials implements Simulator {
  static final int DIM = 2;
  static final int MIN_TRIALS = 1;
  static final int MAX_TRIALS = 50;

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
    return new double[] {theta[0] + rng.nextGaussian(), theta[1] + rng.nextGaussian()};
  }

  /** N(N x̄ / (N + 1), I / (N + 1)), read from a set's flat row. */
  static final class Posterior implements ReferencePosterior {
    private final DataShape shape = DataShape.trials(MIN_TRIALS, MAX_TRIALS, DIM);

    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      shape.check("xObserved", xObserved);
      int trials = shape.trialCount(xObserved);
      double[] mean = new double[DIM];
      for (int k = 0; k < trials; k++) {
        for (int j = 0; j < DIM; j++) {
          mean[j] += xObserved[1 + k * DIM + j];
        }
      }
      double sd = 1 / Math.sqrt(trials + 1.0);
      Batch out = Batch.zeros(n, DIM);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < DIM; j++) {
          out.set(i, j, mean[j] / (trials + 1.0) + sd * rng.nextGaussian());
        }
      }
      return out;
    }
  }
}
