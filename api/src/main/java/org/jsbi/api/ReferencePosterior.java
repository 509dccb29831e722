package org.jsbi.api;

import java.util.random.RandomGenerator;

/**
 * An exact sampler of the true posterior p(θ | x_o), for models where it is analytic or exactly sampleable.
 * Benchmarks and accuracy tests compare learned posteriors against it.
 */
public interface ReferencePosterior {
  /** Draws {@code n} independent samples from p(θ | xObserved). */
  Batch sample(int n, double[] xObserved, RandomGenerator rng);
}
