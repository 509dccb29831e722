package org.jsbi.benchmarks;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.toolkit.Trials;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.GaussianTrials;
import org.jsbi.simulators.SbibmPlugin;

/**
 * NPE amortized over the number of trials, on gaussian-trials (1 to 50 trials x ~ N(θ, I₂), θ ~ N(0, I₂)): one
 * training of nsf with a deep-set embedding on B simulations, then, for N = 1, 5, 20 and 50, ten observations (θ
 * from the prior, N trials), each scored by C2ST between S posterior draws and S draws of the analytic posterior
 * N(N x̄ / (N + 1), I / (N + 1)).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.TrialsAccuracy [B] [S] [seed]
 * [N EMBEDDING]} (default 10000 simulations, 10000 draws, seed 1). Prints one CSV row per N and observation. With
 * N and EMBEDDING ({@code mlp}, {@code deepset} or {@code set-attention}), every simulation and observation has
 * exactly N trials when N > 0 (the baseline of an MLP on the flat trials against the deep set at one N), and 1 to 50
 * when N = 0; EMBEDDING {@code nle} trains NLE on one trial and samples each observation's posterior by MCMC on the
 * sum of its trials' log-likelihoods (as {@code jsbi sample --trials} does).
 */
public final class TrialsAccuracy {
  private TrialsAccuracy() {}

  public static void main(String[] args) {
    int budget = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int draws = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Model registered = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model("gaussian-trials");
    // -Ddraw=LOG_UNIFORM or MIXED trains on the same model with N drawn so (the comparisons in BENCHMARKS.md)
    int fixed = args.length > 4 ? Integer.parseInt(args[3]) : 0;
    String embedding = args.length > 4 ? args[4] : "deepset";
    Model model = fixed > 0 ? Model.builder("gaussian-trials").prior(registered.prior())
        .simulator(Trials.of(new GaussianTrials(), fixed, fixed)).dataNames("x_1", "x_2").build()
        : System.getProperty("draw") == null ? registered : Model.builder("gaussian-trials")
        .prior(registered.prior()).simulator(Trials.of(new GaussianTrials(), 1, 50,
            Trials.Draw.valueOf(System.getProperty("draw")))).dataNames("x_1", "x_2").build();
    if (embedding.equals("nle")) {
      nle(registered, budget, draws, seed);
      return;
    }
    DataShape shape = model.dataShape();
    FlowFactory factory = new FlowFactory(FlowSpec.nsf().withEmbedding(embedding.equals("mlp")
        ? EmbeddingSpec.mlp(8, 64) : new EmbeddingSpec(embedding, 8, embedding.equals("deepset") ? 64 : 32,
        shape)));
    long start = System.nanoTime();
    try (NpePosterior posterior = new Npe(model, factory).train(Simulations.run(model, budget, seed),
        TrainingConfig.defaults(seed + 1))) {
      System.err.printf(Locale.ROOT, "trained in %.1f s, %d epochs%n", (System.nanoTime() - start) / 1e9,
          posterior.estimator().history().epochCount());
      System.out.println("trials,observation,c2st");
      for (int n : fixed > 0 ? new int[] {fixed} : new int[] {1, 5, 20, 50}) {
        double sum = 0;
        for (int o = 1; o <= 10; o++) {
          Observation obs = observation(model, n, o, draws);
          Batch q = posterior.sample(draws, Trials.row(shape, obs.trials()), o).samples();
          double c = C2st.score(q, obs.exact(), o);
          sum += c;
          System.out.printf(Locale.ROOT, "%d,%d,%.4f%n", n, o, c);
        }
        System.err.printf(Locale.ROOT, "N = %d: mean C2ST %.3f%n", n, sum / 10);
      }
    }
  }

  /**
   * NLE's way to the same posteriors: maf learns one trial's likelihood from B simulations of one trial, and MCMC
   * samples the posterior of N trials on the sum of their log-likelihoods (sbi's NLE with a batch of x_o).
   */
  private static void nle(Model sets, int budget, int draws, long seed) {
    Model one = Model.builder("gaussian-trial").prior(sets.prior()).simulator(new GaussianTrials())
        .dataNames("x_1", "x_2").build();
    long start = System.nanoTime();
    try (NlePosterior posterior = new Nle(one, new FlowFactory(FlowSpec.maf())).train(Simulations.run(one, budget,
        seed), TrainingConfig.defaults(seed + 1))) {
      System.err.printf(Locale.ROOT, "NLE trained in %.1f s, %d epochs%n", (System.nanoTime() - start) / 1e9,
          posterior.estimator().history().epochCount());
      System.out.println("trials,observation,c2st");
      for (int n : new int[] {1, 5, 20, 50}) {
        double sum = 0;
        for (int o = 1; o <= 10; o++) {
          Observation obs = observation(sets, n, o, draws);
          Batch q = posterior.sampleTrials(draws, Batch.of(obs.trials()), o).samples();
          double c = C2st.score(q, obs.exact(), o);
          sum += c;
          System.out.printf(Locale.ROOT, "%d,%d,%.4f%n", n, o, c);
        }
        System.err.printf(Locale.ROOT, "NLE, N = %d: mean C2ST %.3f%n", n, sum / 10);
      }
    }
  }

  /** N trials of θ drawn from the prior, and draws of their exact posterior. */
  private record Observation(double[][] trials, Batch exact) {}

  private static Observation observation(Model model, int n, int o, int draws) {
    RandomGenerator rng = new RandomStreams(1000L * n + o).single(RandomStreams.Purpose.SIMULATOR);
    double[] theta = model.prior().sample(rng);
    double[][] trials = new double[n][];
    double[] mean = new double[2];
    for (int k = 0; k < n; k++) {
      trials[k] = new double[] {theta[0] + rng.nextGaussian(), theta[1] + rng.nextGaussian()};
      mean[0] += trials[k][0] / n;
      mean[1] += trials[k][1] / n;
    }
    Batch exact = Batch.zeros(draws, 2);
    double sd = 1 / Math.sqrt(n + 1.0);
    for (int i = 0; i < draws; i++) {
      for (int j = 0; j < 2; j++) {
        exact.set(i, j, n * mean[j] / (n + 1.0) + sd * rng.nextGaussian());
      }
    }
    return new Observation(trials, exact);
  }
}
