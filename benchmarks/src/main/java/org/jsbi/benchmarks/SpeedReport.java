package org.jsbi.benchmarks;

import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;

/**
 * Where training and evaluation time goes, per estimator, on two-moons at 10⁴ simulations (9,000 training rows),
 * as q(θ | x), or per embedding network on a bundled model whose data it reads: training steps per second and the time of one epoch at minibatches of 50, 200 and 1,000 (the median
 * epoch of epochs 2–6, so graph building and the first epoch's optimizer warm-up are left out), and log-density
 * evaluations per second at 1, 64 and 1,000 rows (1 row: the fixed cost of one TensorFlow call). One CSV row per
 * measurement on standard output.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.SpeedReport [estimators]} (default
 * {@code maf,nsf,coupling,cvae}; a few minutes). An entry {@code ESTIMATOR+EMBEDDING[:MODEL]} measures the
 * estimator with that embedding network (8 features, as {@code --embedding} builds it) on MODEL, by default the
 * bundled model of its kind of data: {@code gaussian-trials} for {@code deepset} and {@code set-attention},
 * {@code ornstein-uhlenbeck} for {@code cnn1d}, {@code gru} and {@code mlp}, {@code gaussian-blob} for {@code
 * cnn2d}; e.g. {@code nsf+mlp,nsf+cnn1d,nsf+gru,nsf+mlp:gaussian-trials,nsf+deepset}.
 */
public final class SpeedReport {
  private static final int EPOCHS = 6;

  private SpeedReport() {}

  public static void main(String[] args) throws Exception {
    List<String> kinds = List.of((args.length > 0 ? args[0] : "maf,nsf,coupling,cvae").split(","));
    try (Registry registry = new PluginLoader().load()) {
      System.out.println("estimator,measure,size,value,unit");
      for (String kind : kinds) {
        String[] parts = kind.split("[+:]");
        String embedding = parts.length > 1 ? parts[1] : null;
        Model model = registry.model(parts.length > 2 ? parts[2] : embedding == null ? "two-moons"
            : switch (embedding) {
              case "deepset", "set-attention" -> "gaussian-trials";
              case "cnn2d" -> "gaussian-blob";
              default -> "ornstein-uhlenbeck";
            });
        SimulationSet sims = Simulations.run(model, 10_000, 1);
        EstimatorFactory factory = embedding == null ? registry.estimator(parts[0])
            : registry.estimator(parts[0]).withEmbedding(registry.embedding(embedding), 8, model.dataShape());
        ConditionalDensityEstimator kept = null;
        for (int batch : new int[] {50, 200, 1000}) {
          double[] epochSeconds = new double[EPOCHS];
          TrainingListener listener = new TrainingListener() {
            private double last;

            @Override
            public void epochEnded(EpochStats e) {
              epochSeconds[e.epoch() - 1] = e.elapsedSeconds() - last;
              last = e.elapsedSeconds();
            }
          };
          TrainingConfig config = TrainingConfig.defaults(1).withBatchSize(batch).withMaxEpochs(EPOCHS)
              .withPatience(EPOCHS);
          ConditionalDensityEstimator q = factory.train(sims.theta(), sims.x(), config, listener);
          double epoch = median(java.util.Arrays.copyOfRange(epochSeconds, 1, EPOCHS));
          int steps = (9000 + batch - 1) / batch;
          row(kind, "epoch", batch, epoch * 1000, "ms");
          row(kind, "steps per second", batch, steps / epoch, "1/s");
          if (kept == null) {
            kept = q;
          } else {
            q.close();
          }
        }
        try (ConditionalDensityEstimator q = kept) {
          for (int rows : new int[] {1, 64, 1000}) {
            Batch theta = sims.theta().selectRows(java.util.stream.IntStream.range(0, rows).toArray());
            Batch x = sims.x().selectRows(java.util.stream.IntStream.range(0, rows).toArray());
            int calls = Math.max(20, 20_000 / rows);
            for (int i = 0; i < calls; i++) {
              q.logProb(theta, x); // warm-up: the optimizer's first run, the JIT
            }
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
              q.logProb(theta, x);
            }
            double perCall = (System.nanoTime() - start) / 1e9 / calls;
            row(kind, "log-density call", rows, perCall * 1e6, "µs");
            row(kind, "log-density rows per second", rows, rows / perCall, "1/s");
          }
        }
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void row(String kind, String measure, int size, double value, String unit) {
    System.out.printf(Locale.ROOT, "%s,%s,%d,%.4g,%s%n", kind, measure, size, value, unit);
  }
}
