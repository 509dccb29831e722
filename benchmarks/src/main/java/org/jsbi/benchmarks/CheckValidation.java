package org.jsbi.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.Simulator;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.checks.Check;
import org.jsbi.inference.checks.CheckSuite;
import org.jsbi.inference.checks.PredictiveCheck;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.plugins.PluginLoader;
import org.jsbi.simulators.SbibmPlugin;
import org.jsbi.simulators.TwoMoons;

/**
 * Statistical validation of the outlier and misspecification checks: for each task, the rejection rate at α = 0.05
 * of every check over N well-specified observations (the false-positive rate; it should be near 0.05) and over N
 * observations from a documented misspecified variant (the power). Variants: gaussian-linear with every x shifted
 * by +1 (about 2.2 marginal standard deviations), and two-moons with three times the crescent's radius noise. The
 * MMD in the learned embedding of x is measured on a third posterior, NPE with an embedding network of
 * max(2, dim(x) / 2) features.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.CheckValidation [N]} (default 200).
 */
public final class CheckValidation {
  private CheckValidation() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    var registry = new PluginLoader().classPath(false).plugin(new SbibmPlugin()).load();
    System.out.println("task,variant,check,observations,rejection_rate");
    Model gl = registry.model("gaussian-linear");
    run(gl, variant(gl, shifted(gl.simulator())), "shift +1", n);
    Model tm = registry.model("two-moons");
    run(tm, variant(tm, TwoMoons.withRadiusNoiseTimes(3)), "3x radius noise", n);
  }

  private static Model variant(Model m, Simulator s) {
    return Model.builder(m.id() + "-variant").prior(m.prior()).simulator(s).build();
  }

  private static Simulator shifted(Simulator base) {
    return new Simulator() {
      @Override
      public int parameterDim() {
        return base.parameterDim();
      }

      @Override
      public int dataDim() {
        return base.dataDim();
      }

      @Override
      public double[] simulate(double[] theta, RandomGenerator rng) {
        double[] x = base.simulate(theta, rng);
        for (int j = 0; j < x.length; j++) {
          x[j] += 1.0;
        }
        return x;
      }
    };
  }

  /**
   * The suite that {@code jsbi check} runs, once for an NPE and once for an NLE posterior, on 2,000 reference
   * simulations: every check of the NPE suite, the NLE suite's evidence check (the one only NLE has), and, for
   * comparison, the raw posterior predictive p-value that the NPE suite replaces by its calibrated one.
   */
  private static void run(Model model, Model misspecified, String variantName, int n) {
    long start = System.nanoTime();
    Batch reference = Simulations.run(model, 2000, 1).x();
    FlowFactory maf = new FlowFactory(FlowSpec.maf());
    try (NpePosterior npe = new Npe(model, maf).train(Simulations.run(model, 5000, 3), TrainingConfig.defaults(4));
        NlePosterior nle = new Nle(model, maf).train(Simulations.run(model, 5000, 5), TrainingConfig.defaults(6));
        NpePosterior embedded = new Npe(model, new FlowFactory(FlowSpec.maf().withEmbedding(
            Math.max(2, model.dataDim() / 2), 64))).train(Simulations.run(model, 5000, 3), TrainingConfig.defaults(4));
        CheckSuite npeSuite = CheckSuite.of(npe, reference, maf, null, 500, 2);
        CheckSuite nleSuite = CheckSuite.of(nle, reference, maf, null, 500, 2);
        CheckSuite embeddedSuite = CheckSuite.of(embedded, reference, maf, true, 500, 2)) {
      Map<String, Check> checks = new LinkedHashMap<>();
      npeSuite.checks().forEach(c -> checks.put(c.name() + " (npe)", c));
      checks.put("evidence (nle)", nleSuite.check("evidence"));
      checks.put("mmd-embedding (npe with an embedding network)", embeddedSuite.check("mmd-embedding"));
      Batch good = Simulations.run(model, n, 13).x();
      Batch bad = Simulations.run(misspecified, n, 14).x();
      for (var e : checks.entrySet()) {
        print(model.id(), "well-specified", e.getKey(), rate(good, e.getValue()), n);
        print(model.id(), variantName, e.getKey(), rate(bad, e.getValue()), n);
      }
      Check raw = Check.of("posterior-predictive raw", (x, seed) -> new Check.Observed(PredictiveCheck.run("posterior-predictive", model,
          npe.sample(500, x, seed).samples(), x, seed).result()));
      print(model.id(), "well-specified", "posterior-predictive raw (npe)", rate(good, raw), n);
      print(model.id(), variantName, "posterior-predictive raw (npe)", rate(bad, raw), n);
    }
    System.err.printf(Locale.ROOT, "%s: %.0f s%n", model.id(), (System.nanoTime() - start) / 1e9);
  }

  private static double rate(Batch observations, Check check) {
    List<Double> p = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < observations.rows(); i++) {
      try {
        p.add(check.test(observations.row(i), 100 + i).result().pValue());
      } catch (IllegalStateException e) {
        failed++; // e.g. NPE rejection sampling refusing an observation far from anything simulated: a detection
        p.add(0.0);
      }
    }
    if (failed > 0) {
      System.err.println(failed + " observations where the check could not run (counted as rejections)");
    }
    return p.stream().filter(v -> v < 0.05).count() / (double) p.size();
  }

  private static void print(String task, String variant, String check, double rate, int n) {
    System.out.printf(Locale.ROOT, "%s,%s,%s,%d,%.3f%n", task, variant, check, n, rate);
  }
}
