package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/** sbibm's gaussian-mixture: x ~ 0.5·N(θ, I) + 0.5·N(θ, 0.01·I) in two dimensions (Sisson et al. 2007). */
public final class GaussianMixture implements Simulator {
  static final double[] STDS = {1.0, 0.1};
  static final double BOUND = 10;

  @Override
  public int parameterDim() {
    return 2;
  }

  @Override
  public int dataDim() {
    return 2;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double sd = STDS[rng.nextInt(2)];
    return new double[] {theta[0] + sd * rng.nextGaussian(), theta[1] + sd * rng.nextGaussian()};
  }

  /** The posterior is the same mixture centred at x_o, truncated to the prior box; sampled by rejection. */
  static final class Posterior implements ReferencePosterior {
    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, 2);
      if (Math.abs(xObserved[0]) > BOUND + 5 || Math.abs(xObserved[1]) > BOUND + 5) {
        throw new IllegalArgumentException("xObserved: expected values within 5 of the prior box [-10, 10]², got "
            + java.util.Arrays.toString(xObserved));
      }
      Batch out = Batch.zeros(n, 2);
      for (int k = 0; k < n; ) {
        double sd = STDS[rng.nextInt(2)];
        double t0 = xObserved[0] + sd * rng.nextGaussian();
        double t1 = xObserved[1] + sd * rng.nextGaussian();
        if (Math.abs(t0) <= BOUND && Math.abs(t1) <= BOUND) {
          out.set(k, 0, t0);
          out.set(k, 1, t1);
          k++;
        }
      }
      return out;
    }
  }
}
