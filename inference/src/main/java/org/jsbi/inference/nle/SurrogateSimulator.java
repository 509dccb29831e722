package org.jsbi.inference.nle;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.Simulator;
import org.jsbi.api.estimator.ConditionalDensityEstimator;

/**
 * A learned likelihood used as a simulator: x ~ q(x | θ). Usable anywhere a simulator is (the runner, a model, the
 * checks); {@link #simulateBatch} draws a whole batch in one TensorFlow call. Thread-safe.
 */
public final class SurrogateSimulator implements Simulator {
  private final ConditionalDensityEstimator likelihood;

  public SurrogateSimulator(ConditionalDensityEstimator likelihood) {
    this.likelihood = likelihood;
  }

  @Override
  public int parameterDim() {
    return likelihood.conditionDim();
  }

  @Override
  public int dataDim() {
    return likelihood.inputDim();
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    Arguments.finiteVector("theta", theta, parameterDim());
    return likelihood.sample(1, theta, rng).row(0);
  }

  @Override
  public Batch simulateBatch(Batch theta, RandomGenerator[] rngs) {
    Arguments.columns("theta", theta, parameterDim());
    return likelihood.sampleEach(theta, rngs);
  }
}
