package org.jsbi.simulators;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.ReferencePosterior;
import org.jsbi.api.Simulator;
import org.jsbi.api.toolkit.Noise;

/**
 * gaussian-linear with distractors: x's first 10 values are gaussian-linear's, x ~ N(θ, 0.1·I), and the other
 * {@code distractors} are heavy-tailed noise (Student-t with 2 degrees of freedom) independent of θ. The posterior is
 * gaussian-linear's, from the first 10 values alone, so it is exact; the distractors test how an estimator copes with
 * high-dimensional x of which most carries nothing, as many scientific simulators' summaries do.
 */
public final class Distractors implements Simulator {
  private final GaussianLinear informative = new GaussianLinear();
  private final int distractors;

  public Distractors(int distractors) {
    this.distractors = Arguments.positive("distractors", distractors);
  }

  @Override
  public int parameterDim() {
    return GaussianLinear.DIM;
  }

  @Override
  public int dataDim() {
    return GaussianLinear.DIM + distractors;
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    double[] x = Arrays.copyOf(informative.simulate(theta, rng), dataDim());
    for (int i = GaussianLinear.DIM; i < x.length; i++) {
      x[i] = Noise.studentT(rng, 0, 1, 2);
    }
    return x;
  }

  /** gaussian-linear's posterior N(0.5·x_o, 0.05·I), from x_o's first 10 values. */
  static final class Posterior implements ReferencePosterior {
    private final GaussianLinear.NormalPriorPosterior exact = new GaussianLinear.NormalPriorPosterior();

    @Override
    public Batch sample(int n, double[] xObserved, RandomGenerator rng) {
      return exact.sample(n, Arrays.copyOf(xObserved, GaussianLinear.DIM), rng);
    }
  }
}
