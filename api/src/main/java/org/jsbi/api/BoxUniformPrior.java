package org.jsbi.api;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The uniform distribution on the box [lower, upper] (sbi's {@code BoxUniform}). */
public final class BoxUniformPrior implements Prior {
  private final double[] lower;
  private final double[] upper;
  private final double logDensity;

  BoxUniformPrior(double[] lower, double[] upper) {
    Arguments.positive("lower.length", lower.length);
    Arguments.finiteVector("lower", lower, lower.length);
    Arguments.finiteVector("upper", upper, lower.length);
    double logVolume = 0;
    for (int i = 0; i < lower.length; i++) {
      if (!(upper[i] > lower[i])) {
        throw new IllegalArgumentException(
            "upper[" + i + "]: expected a value above lower[" + i + "] = " + lower[i] + ", got " + upper[i]);
      }
      logVolume += Math.log(upper[i] - lower[i]);
    }
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.logDensity = -logVolume;
  }

  @Override
  public int dim() {
    return lower.length;
  }

  public double[] lower() {
    return lower.clone();
  }

  public double[] upper() {
    return upper.clone();
  }

  @Override
  public double lowerBound(int i) {
    return lower[i];
  }

  @Override
  public double upperBound(int i) {
    return upper[i];
  }

  @Override
  public double[] sample(RandomGenerator rng) {
    double[] theta = new double[lower.length];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = lower[i] + (upper[i] - lower[i]) * rng.nextDouble();
    }
    return theta;
  }

  @Override
  public double logDensity(double[] theta) {
    return inSupport(theta) ? logDensity : Double.NEGATIVE_INFINITY;
  }

  @Override
  public boolean inSupport(double[] theta) {
    Arguments.length("theta", theta, lower.length);
    for (int i = 0; i < theta.length; i++) {
      if (!(theta[i] >= lower[i] && theta[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe() {
    boolean same = Arrays.stream(lower).distinct().count() == 1 && Arrays.stream(upper).distinct().count() == 1;
    return same
        ? "BoxUniform([" + lower[0] + ", " + upper[0] + "]^" + lower.length + ")"
        : "BoxUniform(lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ")";
  }
}
