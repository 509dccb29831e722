package org.jsbi.benchmarks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;

/**
 * The cost of inference on saved posteriors: for an NPE posterior, the first 10,000 draws after loading (four
 * loads) and then 10,000 draws warm; for an NLE posterior, a log-density call of 1, 64 and 500 rows (its first call
 * at that size, then the mean of 1,000 after warm-up) and 10,000 MCMC draws (two runs). Run it again with {@code
 * -Djsbi.inferenceGraphOptimizer=true} to compare with TensorFlow's graph optimizer on.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.InferenceCallCost NPE_DIR NLE_DIR},
 * the directories from {@code jsbi train --model two-moons [--method nle] --num-simulations 10000 --seed 1}.
 */
public final class InferenceCallCost {
  private static final double[] XO = {-0.6396706, 0.16234657}; // sbibm's two-moons observation 1

  private InferenceCallCost() {}

  public static void main(String[] args) throws Exception {
    try (Registry registry = new PluginLoader().load()) {
      for (int load = 0; load < 4; load++) {
        try (TrainedPosterior npe = PosteriorStore.load(Path.of(args[0]), registry)) {
          long t = System.nanoTime();
          npe.sample(10_000, XO, load);
          print("NPE, first 10,000 draws after loading", (System.nanoTime() - t) / 1e6, "ms");
          if (load == 3) {
            t = System.nanoTime();
            npe.sample(10_000, XO, 9);
            print("NPE, 10,000 draws warm", (System.nanoTime() - t) / 1e6, "ms");
          }
        }
      }
      try (TrainedPosterior nle = PosteriorStore.load(Path.of(args[1]), registry)) {
        ConditionalDensityEstimator q = nle.estimator();
        SplittableRandom rng = new SplittableRandom(1);
        for (int rows : new int[] {1, 64, 500}) {
          Batch x = Batch.zeros(rows, q.inputDim());
          Batch theta = Batch.zeros(rows, q.conditionDim());
          for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = 0.3 * rng.nextGaussian();
          }
          for (int i = 0; i < theta.data().length; i++) {
            theta.data()[i] = 0.3 * rng.nextGaussian();
          }
          long t = System.nanoTime();
          q.logProb(x, theta);
          print("NLE log-density, first call of " + rows + " rows", (System.nanoTime() - t) / 1e6, "ms");
          for (int i = 0; i < 300; i++) {
            q.logProb(x, theta);
          }
          t = System.nanoTime();
          for (int i = 0; i < 1000; i++) {
            q.logProb(x, theta);
          }
          print("NLE log-density, a call of " + rows + " rows", (System.nanoTime() - t) / 1e3 / 1000, "µs");
        }
        for (int run = 0; run < 2; run++) {
          long t = System.nanoTime();
          nle.sample(10_000, XO, run);
          print("NLE, 10,000 MCMC draws", (System.nanoTime() - t) / 1e9, "s");
        }
      }
    }
  }

  private static void print(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%s: %.3g %s%n", what, value, unit);
  }
}
