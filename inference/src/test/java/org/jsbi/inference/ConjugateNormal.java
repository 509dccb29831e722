package org.jsbi.inference;

import java.util.random.RandomGenerator;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.Simulator;

/**
 * A 2-D conjugate test model: θ ~ N(0, I), x | θ ~ N(θ, 0.5² I). After n i.i.d. trials the posterior is
 * N(4n x̄ / (4n + 1), I / (4n + 1)). Its simulator, with another noise level, also serves other priors.
 */
public final class ConjugateNormal implements Simulator {
  private final double noise;

  private ConjugateNormal(double noise) {
    this.noise = noise;
  }

  public static Model model() {
    return Model.builder("conjugate-normal").prior(Priors.isotropicNormal(2, 0, 1)).simulator(simulator(0.5))
        .build();
  }

  /** x | θ ~ N(θ, noise² I) in two dimensions. */
  public static Simulator simulator(double noise) {
    return new ConjugateNormal(noise);
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
    return new double[] {theta[0] + noise * rng.nextGaussian(), theta[1] + noise * rng.nextGaussian()};
  }
}
