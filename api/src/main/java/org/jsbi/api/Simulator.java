package org.jsbi.api;

import java.util.random.RandomGenerator;

/**
 * A stochastic simulator: turns parameters θ into synthetic data x. Implementations draw every random number
 * from the generator they are given, so that a run is reproducible from its seed.
 *
 * <p>Implementations must be thread-safe: the runner calls {@link #simulate} from several threads at once, each
 * with its own generator.
 */
public interface Simulator {
  /** The dimension of θ. */
  int parameterDim();

  /** The dimension of x. */
  int dataDim();

  /**
   * The shape of the x it returns: a vector of {@link #dataDim()} unless it says otherwise (a set of trials from
   * {@code toolkit.Trials}). A model can also declare it ({@code .data(...)}).
   */
  default DataShape dataShape() {
    return DataShape.vector(dataDim());
  }

  /**
   * The simulator of data sets like {@code observed}, for predictive checks: itself, unless part of x is chosen by
   * the simulator rather than by θ (a set's number of trials), which it then fixes to the observation's.
   */
  default Simulator like(double[] observed) {
    return this;
  }

  /**
   * Simulates one data set x for {@code theta}. The runner catches exceptions and non-finite or wrongly sized
   * results and records them as invalid simulations, so an implementation may simply throw when θ is outside
   * its domain.
   */
  double[] simulate(double[] theta, RandomGenerator rng);

  /**
   * Simulates one row of x for each row of {@code theta}, using {@code rngs[i]} for row i and nothing else, so
   * that results do not depend on how rows are grouped. The default loops over {@link #simulate}; a vectorized
   * simulator may override it.
   */
  default Batch simulateBatch(Batch theta, RandomGenerator[] rngs) {
    Arguments.columns("theta", theta, parameterDim());
    if (rngs.length != theta.rows()) {
      throw new IllegalArgumentException(
          "rngs: expected one generator per row of theta (" + theta.rows() + "), got " + rngs.length);
    }
    Batch x = Batch.zeros(theta.rows(), dataDim());
    for (int i = 0; i < theta.rows(); i++) {
      x.setRow(i, simulate(theta.row(i), rngs[i]));
    }
    return x;
  }
}
