package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.C2st;
import org.jsbi.inference.fm.FmpeFactory;
import org.jsbi.inference.fm.FmpeSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.score.NpseFactory;
import org.jsbi.inference.score.NpseSpec;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.SbibmPlugin;

/**
 * The accuracy and time of the ODE and SDE solvers' step counts: NPE on sbibm's two-moons at 10⁴ simulations,
 * trained once per step count with the same seed (the step count does not enter training, so the weights are the
 * same), then 10,000 draws for each of sbibm's first observations, scored by C2ST against the reference samples.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.SolverSteps REFERENCE_DIR
 * [fmpe|npse|npse-sde] [OBSERVATIONS] [STEPS,...]} (default fmpe, 3 observations, 5,10,20,40 steps; 50,100,200,400
 * for npse-sde). A step count {@code tol=T} draws by the adaptive Dormand–Prince solver at tolerance T instead
 * (fmpe and npse). Prints CSV: steps, observation, C2ST, seconds for the 10,000 draws.
 */
public final class SolverSteps {
  private SolverSteps() {}

  public static void main(String[] args) throws IOException {
    Path reference = Path.of(args[0], "two_moons");
    String kind = args.length > 1 ? args[1] : "fmpe";
    int observations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String list = args.length > 3 ? args[3] : kind.equals("npse-sde") ? "50,100,200,400" : "5,10,20,40";
    Model model = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load().model("two-moons");
    var simulations = Simulations.run(model, 10_000, 1);
    System.out.println("steps,observation,c2st,seconds");
    for (String s : list.split(",")) {
      String setting = s.trim();
      try (NpePosterior posterior = new Npe(model, factory(kind, setting)).train(simulations,
          TrainingConfig.defaults(2))) {
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

  /** The estimator for a setting: a step count, or {@code tol=T} for the adaptive solver. */
  private static EstimatorFactory factory(String kind, String setting) {
    FmpeSpec f = FmpeSpec.defaults();
    NpseSpec n = NpseSpec.defaults();
    boolean adaptive = setting.startsWith("tol=");
    double tolerance = adaptive ? Double.parseDouble(setting.substring(4)) : 0;
    int steps = adaptive ? f.steps() : Integer.parseInt(setting);
    return switch (kind) {
      case "fmpe" -> new FmpeFactory(new FmpeSpec(f.hidden(), f.blocks(), steps, f.sigmaMin(), f.timePower(),
          tolerance, null));
      case "npse" -> new NpseFactory(new NpseSpec(n.hidden(), n.blocks(), n.process(), n.sigmaMin(), n.sigmaMax(),
          "ode", steps, n.sdeSteps(), tolerance, null));
      case "npse-sde" -> new NpseFactory(new NpseSpec(n.hidden(), n.blocks(), n.process(), n.sigmaMin(),
          n.sigmaMax(), "sde", n.steps(), steps, 0, null));
      default -> throw new IllegalArgumentException("estimator: expected fmpe, npse or npse-sde, got '" + kind + "'");
    };
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
