package org.jsbi.simulators;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;

/**
 * sbibm's two-moons: a crescent of radius r ~ N(0.1, 0.01²) at angle a ~ U(−π/2, π/2), shifted by
 * (0.25 − |θ0 + θ1|/√2, (−θ0 + θ1)/√2). Its posterior is two crescents (Greenberg et al. 2019).
 */
public final class TwoMoons implements Simulator {
  static final double MEAN_RADIUS = 0.1;
  static final double SD_RADIUS = 0.01;
  static final double SHIFT = 0.25;
  private static final double SQRT2 = Math.sqrt(2);
  private final double sdRadius;

  /** sbibm's task. */
  public TwoMoons() {
    this(SD_RADIUS);
  }

  private TwoMoons(double sdRadius) {
    this.sdRadius = sdRadius;
  }

  /**
   * A deliberately misspecified variant for testing the checks: the crescent's radius noise multiplied by
   * {@code factor} (the reference posterior does not apply to it).
   */
  public static TwoMoons withRadiusNoiseTimes(double factor) {
    Arguments.positive("factor", factor);
    return new TwoMoons(SD_RADIUS * factor);
  }

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
    double a = Math.PI * (rng.nextDouble() - 0.5);
    double r = MEAN_RADIUS + sdRadius * rng.nextGaussian();
    return new double[] {
      r * Math.cos(a) + SHIFT - Math.abs(theta[0] + theta[1]) / SQRT2,
      r * Math.sin(a) + (-theta[0] + theta[1]) / SQRT2
    };
  }

  /**
   * Exact posterior samples by inverting the simulator: draw (a, r), solve for |θ0 + θ1| and θ1 − θ0, pick the
   * sign of θ0 + θ1 at random, rotate back and reject θ outside the prior box [-1, 1]².
   */
  static final class Posterior implements ReferencePosterior {
    private static final long MAX_ATTEMPTS_PER_SAMPLE = 100_000;

    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      Arguments.positive("n", n);
      Arguments.finiteVector("xObserved", xObserved, 2);
      Batch out = Batch.zeros(n, 2);
      long attempts = 0;
      for (int k = 0; k < n; ) {
        if (++attempts > MAX_ATTEMPTS_PER_SAMPLE * n) {
          throw new IllegalArgumentException("xObserved: no posterior mass inside the prior for "
              + java.util.Arrays.toString(xObserved) + "; expected an observation the model can produce");
        }
        double a = Math.PI * (rng.nextDouble() - 0.5);
        double r = MEAN_RADIUS + SD_RADIUS * rng.nextGaussian();
        double absSum = (r * Math.cos(a) + SHIFT - xObserved[0]) * SQRT2; // |θ0 + θ1|
        double diff = (xObserved[1] - r * Math.sin(a)) * SQRT2; // θ1 − θ0
        boolean negative = rng.nextBoolean();
        if (absSum < 0) {
          continue;
        }
        double sum = negative ? -absSum : absSum;
        double t0 = (sum - diff) / 2;
        double t1 = (sum + diff) / 2;
        if (Math.abs(t0) <= 1 && Math.abs(t1) <= 1) {
          out.set(k, 0, t0);
          out.set(k, 1, t1);
          k++;
        }
      }
      return out;
    }
  }
}
