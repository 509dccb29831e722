package org.jsbi.benchmarks;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.Simulator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.SbibmPlugin;

/**
 * NPE on a time series, the ornstein-uhlenbeck model (100 steps; θ = mean reversion κ, noise scale σ): nsf trained
 * on B simulations with an embedding of the raw series ({@code cnn1d}, {@code gru} or {@code mlp}, 8 features, as
 * {@code --embedding} builds them), or,
 * as the baseline, on three hand-made summaries (mean, variance, lag-1 autocorrelation) with no embedding. Ten
 * observations (θ from the prior, seeds 1–10), each scored by C2ST between S posterior draws and S draws of the
 * exact posterior (a zooming grid on the exact likelihood).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.SeriesAccuracy VARIANT [B] [S]
 * [SEED]} with VARIANT one of {@code cnn1d}, {@code gru}, {@code mlp}, {@code summaries} (default 10000
 * simulations, 10000 draws, SEED 1: the simulations drawn with SEED, training with SEED + 1; {@code
 * -DlearningRate=R} sets Adam's step size and {@code -Dpatience=E} the early-stopping patience instead of the
 * estimator's defaults). Prints one CSV row per observation;
 * the training time and the mean to standard error.
 */
public final class SeriesAccuracy {
  private SeriesAccuracy() {}

  public static void main(String[] args) {
    String variant = args[0];
    int budget = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int draws = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1; // simulations; training takes seed + 1
    Model series = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model("ornstein-uhlenbeck");
    boolean summaries = variant.equals("summaries");
    Model model = summaries ? Model.builder("ou-summaries").prior(series.prior())
        .simulator(summarized(series.simulator())).build() : series;
    FlowSpec flow = summaries ? FlowSpec.nsf() : FlowSpec.nsf().withEmbedding(variant.equals("mlp")
        ? EmbeddingSpec.mlp(8, 64) : new EmbeddingKind(variant).spec(8, series.dataShape()));
    double learningRate = Double.parseDouble(System.getProperty("learningRate", "0")); // 0: the estimator's default
    int patience = Integer.getInteger("patience", 0); // 0: the estimator's default
    long start = System.nanoTime();
    try (NpePosterior posterior = new Npe(model, new FlowFactory(flow)).train(Simulations.run(model, budget, seed),
        (learningRate > 0 ? TrainingConfig.defaults(seed + 1).withLearningRate(learningRate)
            : TrainingConfig.defaults(seed + 1)).withPatience(patience))) {
      System.err.printf(Locale.ROOT, "%s at %d: trained in %.1f s, %d epochs%n", variant, budget,
          (System.nanoTime() - start) / 1e9, posterior.estimator().history().epochCount());
      System.out.println("variant,budget,observation,c2st");
      double sum = 0;
      for (int o = 1; o <= 10; o++) {
        RandomGenerator rng = new RandomStreams(o).single(RandomStreams.Purpose.SIMULATOR);
        double[] theta = series.prior().sample(rng);
        double[] x = series.simulator().simulate(theta, rng);
        Batch exact = series.referencePosterior().orElseThrow().sample(draws, x, rng);
        Batch q = posterior.sample(draws, summaries ? summaries(x) : x, o).samples();
        double c = C2st.score(q, exact, o);
        sum += c;
        System.out.printf(Locale.ROOT, "%s,%d,%d,%.4f%n", variant, budget, o, c);
      }
      System.err.printf(Locale.ROOT, "%s at %d: mean C2ST %.3f%n", variant, budget, sum / 10);
    }
  }

  private static Simulator summarized(Simulator raw) {
    return new Simulator() {
      @Override
      public int parameterDim() {
        return raw.parameterDim();
      }

      @Override
      public int dataDim() {
        return 3;
      }

      @Override
      public double[] simulate(double[] theta, RandomGenerator rng) {
        return summaries(raw.simulate(theta, rng));
      }
    };
  }

  /** Mean, variance and lag-1 autocorrelation of a series. */
  static double[] summaries(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v / x.length;
    }
    double var = 0;
    double lag = 0;
    for (int t = 0; t < x.length; t++) {
      var += (x[t] - m) * (x[t] - m) / x.length;
      lag += t > 0 ? (x[t] - m) * (x[t - 1] - m) / (x.length - 1) : 0;
    }
    return new double[] {m, var, lag / var};
  }
}
