package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.gan.GatsbiFactory;
import org.jsbi.inference.gan.GatsbiSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.SbibmPlugin;

/**
 * Settings of the adversarial posterior ({@code gatsbi}) side by side: NPE on sbibm's two-moons at 10⁴ simulations
 * (seed 1), trained with seed 2 (or the setting's {@code seed}) once per setting, then 10,000 draws for each of sbibm's first observations, scored
 * by C2ST against the reference samples.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.AdversarialSettings REFERENCE_DIR
 * OBSERVATIONS SETTING...}, each setting a comma-separated list of {@code key=value} over the defaults: {@code lr},
 * {@code patience}, {@code batch}, {@code hidden}, {@code layers}, {@code criticHidden}, {@code criticLayers},
 * {@code latent}, {@code penalty}, {@code average}, {@code seed} ({@code -} for the defaults alone). Prints CSV: setting, epochs, training seconds,
 * best validation energy score, observation, C2ST.
 */
public final class AdversarialSettings {
  private AdversarialSettings() {}

  public static void main(String[] args) throws IOException {
    Path reference = Path.of(args[0], "two_moons");
    int observations = Integer.parseInt(args[1]);
    Model model = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model("two-moons");
    var simulations = Simulations.run(model, 10_000, 1);
    System.out.println("setting,epochs,train_s,best_validation,observation,c2st");
    for (int a = 2; a < args.length; a++) {
      Map<String, String> s = new HashMap<>();
      for (String kv : args[a].split(",")) {
        if (kv.contains("=")) {
          s.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
      GatsbiSpec d = GatsbiSpec.defaults();
      GatsbiSpec spec = new GatsbiSpec(num(s, "hidden", d.hidden()), num(s, "layers", d.layers()),
          num(s, "criticHidden", d.criticHidden()), num(s, "criticLayers", d.criticLayers()),
          num(s, "latent", d.latent()), Double.parseDouble(s.getOrDefault("penalty", "" + d.penalty())), Boolean.parseBoolean(s.getOrDefault("average", "" + d.average())), null);
      TrainingConfig config = TrainingConfig.defaults(num(s, "seed", 2)).withLearningRate(Double.parseDouble(s.getOrDefault("lr",
          "0"))).withPatience(num(s, "patience", 0)).withBatchSize(num(s, "batch", 0));
      long start = System.nanoTime();
      try (NpePosterior posterior = new Npe(model, new GatsbiFactory(spec)).train(simulations, config)) {
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingHistory h = posterior.estimator().history();
        double best = h.epochs().stream().mapToDouble(e -> e.validationLoss()).min().orElse(Double.NaN);
        StringBuilder curve = new StringBuilder(args[a] + " energy score by 10 epochs:");
        h.epochs().stream().filter(e -> e.epoch() % 10 == 0)
            .forEach(e -> curve.append(String.format(Locale.ROOT, " %.3f", e.validationLoss())));
        System.err.println(curve);
        double sum = 0;
        for (int o = 1; o <= observations; o++) {
          Path folder = reference.resolve("num_observation_" + o);
          Batch x = SolverSteps.rows(folder.resolve("observation.csv"));
          Batch q = posterior.sample(10_000, x.row(0), o).samples();
          double c = C2st.score(q, SolverSteps.rows(folder.resolve("reference_posterior_samples.csv")), o);
          sum += c;
          System.out.printf(Locale.ROOT, "%s,%d,%.1f,%.4f,%d,%.4f%n", args[a], h.epochs().size(), seconds, best, o,
              c);
        }
        System.err.printf(Locale.ROOT, "%s: mean C2ST %.3f%n", args[a], sum / observations);
      }
    }
  }

  private static int num(Map<String, String> s, String key, int fallback) {
    return s.containsKey(key) ? Integer.parseInt(s.get(key)) : fallback;
  }
}
