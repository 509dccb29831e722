package org.jsbi.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.Simulator;
import org.jsbi.api.posterior.Posterior;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.LocalC2st;
import org.jsbi.inference.checks.LocalC2stResult;

/**
 * L-C2ST's false-positive rate and power where the true posterior is known exactly: θ ~ N(0, I₂), x | θ ~
 * N(θ, 0.5² I), posterior N(0.8 x, I / 5). For each posterior below, L-C2ST is fitted F times on fresh simulations
 * (its defaults: 2,000 simulations, 100 null trials), and each fit tests M observations drawn from the model; the
 * rejection rate at α = 0.05 is printed. The posteriors: the exact one (the rate is the false-positive rate), one
 * over-confident by a factor 2 (its spread halved), one over-confident by 1.25, and one shifted by half a posterior
 * standard deviation in θ₁.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.LocalC2stValidation [F] [M]}
 * (default 20 fits × 20 observations).
 */
public final class LocalC2stValidation {
  private LocalC2stValidation() {}

  public static void main(String[] args) {
    int fits = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int observations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Model model = Model.builder("conjugate-normal").prior(Priors.isotropicNormal(2, 0, 1)).simulator(noisy())
        .build();
    System.out.println("posterior,fits,observations,rejection_rate,mean_epochs,seconds_per_fit");
    run(model, "exact", new Exact(1, 0), fits, observations);
    run(model, "over-confident x2", new Exact(0.5, 0), fits, observations);
    run(model, "over-confident x1.25", new Exact(0.8, 0), fits, observations);
    run(model, "shifted 0.5 sd", new Exact(1, 0.5), fits, observations);
  }

  private static void run(Model model, String name, Posterior posterior, int fits, int observations) {
    int rejected = 0;
    long epochs = 0;
    long start = System.nanoTime();
    for (int f = 0; f < fits; f++) {
      Batch xs = Simulations.run(model, observations, 10_000 + f).x();
      try (LocalC2st test = LocalC2st.fit(posterior, model, LocalC2st.DEFAULT_SIMULATIONS,
          LocalC2st.DEFAULT_NULL_TRIALS, f + 1)) {
        for (int i = 0; i < observations; i++) {
          LocalC2stResult r = test.test(xs.row(i), 1000, 100L * f + i);
          rejected += r.rejected() ? 1 : 0;
          epochs += i == 0 ? r.epochs() : 0;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9 / fits;
    System.out.printf(Locale.ROOT, "%s,%d,%d,%.3f,%.0f,%.1f%n", name, fits, observations,
        rejected / (double) (fits * observations), epochs / (double) fits, seconds);
  }

  private static Simulator noisy() {
    return new Simulator() {
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
        return new double[] {theta[0] + 0.5 * rng.nextGaussian(), theta[1] + 0.5 * rng.nextGaussian()};
      }
    };
  }

  /** N(0.8 x + shift · sd · e₁, (scale · sd)² I), sd = 1/√5: the exact posterior when scale = 1 and shift = 0. */
  private record Exact(double scale, double shift) implements Posterior {
    @Override
    public String modelId() {
      return "conjugate-normal";
    }

    @Override
    public List<String> parameterNames() {
      return List.of("theta1", "theta2");
    }

    @Override
    public int dataDim() {
      return 2;
    }

    @Override
    public PosteriorSamples sample(int n, double[] x, long seed) {
      RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SAMPLER);
      double sd = 1 / Math.sqrt(5);
      Batch s = Batch.zeros(n, 2);
      for (int i = 0; i < n; i++) {
        s.set(i, 0, 0.8 * x[0] + shift * sd + scale * sd * rng.nextGaussian());
        s.set(i, 1, 0.8 * x[1] + scale * sd * rng.nextGaussian());
      }
      return new PosteriorSamples(s, n, 0);
    }

    @Override
    public double[] logProb(Batch theta, double[] x) {
      throw new UnsupportedOperationException("not needed by L-C2ST");
    }

    @Override
    public double[] map(double[] x, long seed) {
      return new double[] {0.8 * x[0] + shift / Math.sqrt(5), 0.8 * x[1]};
    }

    @Override
    public void close() {}
  }
}
