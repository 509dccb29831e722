package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.fm.FmpeFactory;
import org.jsbi.inference.fm.FmpeSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.score.NpseFactory;
import org.jsbi.inference.score.NpseSpec;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.plugins.Registry;

/**
 * The accuracy and time of the ODE and SDE solvers' settings: NPE on sbibm's two-moons at 10⁴ simulations, trained
 * once, saved, and loaded with each setting of its sampling options (the weights are the same), then 10,000 draws for
 * each of sbibm's first observations, scored by C2ST against the reference samples.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.SolverSteps REFERENCE_DIR
 * [fmpe|npse|npse-sde] [OBSERVATIONS] [SETTING,...]} (default fmpe, 3 observations, 5,10,20,40 steps; 50,100,200,400
 * for npse-sde). A setting is a step count (Euler–Maruyama steps for npse-sde), {@code tol=T} for the adaptive
 * Dormand–Prince solver at tolerance T, or sampling options joined by '+', e.g. {@code steps=10+tolerance=0}. Prints
 * CSV: setting, observation, C2ST, seconds for the 10,000 draws.
 */
public final class SolverSteps {
  private SolverSteps() {}

  public static void main(String[] args) throws IOException {
    Path reference = Path.of(args[0], "two_moons");
    String kind = args.length > 1 ? args[1] : "fmpe";
    int observations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String list = args.length > 3 ? args[3] : kind.equals("npse-sde") ? "50,100,200,400" : "5,10,20,40";
    EstimatorFactory factory = switch (kind) {
      case "fmpe" -> new FmpeFactory(FmpeSpec.defaults());
      case "npse", "npse-sde" -> new NpseFactory(NpseSpec.defaults());
      default -> throw new IllegalArgumentException("estimator: expected fmpe, npse or npse-sde, got '" + kind + "'");
    };
    Registry registry = new PluginLoader().load();
    Model model = registry.model("two-moons");
    var simulations = Simulations.run(model, 10_000, 1);
    Path saved = Files.createTempDirectory("solver-steps").resolve("posterior");
    try (NpePosterior posterior = new Npe(model, factory).train(simulations, TrainingConfig.defaults(2))) {
      PosteriorStore.save(posterior, saved);
    }
    System.out.println("setting,observation,c2st,seconds");
    for (String s : list.split(",")) {
      String setting = s.trim();
      try (TrainedPosterior posterior = PosteriorStore.load("posterior", saved, registry, options(kind, setting),
          "setting")) {
        double sum = 0;
        for (int o = 1; o <= observations; o++) {
          Path folder = reference.resolve("num_observation_" + o);
          double[] x = row(folder.resolve("observation.csv"));
          posterior.sample(100, x, o); // warm-up: the sampling graph's first run
          long start = System.nanoTime();
          Batch q = posterior.sample(10_000, x, o).samples();
          double seconds = (System.nanoTime() - start) / 1e9;
          double c = C2st.score(q, rows(folder.resolve("reference_posterior_samples.csv")), o);
          sum += c;
          System.out.printf(Locale.ROOT, "%s,%d,%.4f,%.3f%n", setting, o, c, seconds);
        }
        System.err.printf(Locale.ROOT, "%s, %s: mean C2ST %.3f%n", kind, setting, sum / observations);
      }
    }
  }

  /** The sampling options of a setting. */
  private static Map<String, String> options(String kind, String setting) {
    Map<String, String> m = new LinkedHashMap<>();
    if (kind.equals("npse-sde")) {
      m.put("sampler", "sde");
    }
    for (String part : setting.split("\\+")) {
      if (part.startsWith("tol=")) {
        m.put("tolerance", part.substring(4));
      } else if (part.contains("=")) {
        m.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
      } else {
        m.put(kind.equals("npse-sde") ? "sdeSteps" : "steps", part);
      }
    }
    return m;
  }

  private static double[] row(Path file) throws IOException {
    return rows(file).row(0);
  }

  /** A CSV file of numbers with a header line, as sbibm writes them. */
  static Batch rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Batch b = Batch.zeros(lines.size() - 1, lines.get(0).split(",").length);
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      for (int j = 0; j < cells.length; j++) {
        b.set(i - 1, j, Double.parseDouble(cells[j]));
      }
    }
    return b;
  }
}
