package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.cli.plots.LocalC2stPlots;
import org.jsbi.cli.plots.PredictivePlots;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.checks.CheckOutcome;
import org.jsbi.inference.checks.LocalC2st;
import org.jsbi.inference.checks.LocalC2stResult;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi check}: can the model explain the observed data? Outlier and misspecification tests per observation. */
@Command(name = "check", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi check --posterior posterior/ --observation obs.csv --output checks/",
    description = "Check observations against the model: MMD and typicality against the prior predictive, the "
        + "NLE evidence when the posterior is NLE, and prior and posterior predictive checks; a verdict each.")
final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin CsvOptions csv;
  @Mixin McmcOptions mcmc;
  @Spec CommandSpec spec;

  @Option(names = "--posterior", required = true, paramLabel = "DIR", description = "Directory from 'jsbi train'.")
  Path posteriorDir;

  @Option(names = "--observation", required = true, paramLabel = "FILE.csv",
      description = "Observations: a header row, then one row of data values per observation.")
  Path observation;

  @Option(names = "--num-simulations", defaultValue = "2000", paramLabel = "N",
      description = "Reference simulations from the prior predictive (default ${DEFAULT-VALUE}).")
  int numSimulations;

  @Option(names = "--num-samples", defaultValue = "500", paramLabel = "N",
      description = "Posterior and prior draws for the predictive checks (default ${DEFAULT-VALUE}).")
  int numSamples;

  @Mixin SeedOption seeds;

  @Option(names = "--embedding-space", description = "Insist on the MMD test in the learned embedding space of "
      + "the posterior's embedding network (run anyway when it has one); an error when it has none.")
  boolean embeddingSpace;

  @Option(names = "--local-c2st", description = "Also test whether the posterior is right at each observation "
      + "(L-C2ST: a classifier and 100 null classifiers trained on 2,000 simulations); for posteriors sampled "
      + "directly (NPE).")
  boolean localC2st;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Write checks.json, and ppc-observation-K.png (and lc2st-observation-K.png) for each "
          + "observation, here.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (numSimulations < 250) {
      throw new IllegalArgumentException("--num-simulations: expected at least 250 reference simulations (the "
          + "typicality test holds out 20%, at least 50), got " + numSimulations);
    }
    Limits.atLeast("--num-samples", numSamples, 20, "draws");
    PrintWriter out = spec.commandLine().getOut();
    CsvTable obs = csv.read("--observation", observation);
    try (Registry registry = common.registryFor("--posterior", posteriorDir);
        TrainedPosterior loaded = PosteriorStore.load("--posterior", posteriorDir, registry)) {
      TrainedPosterior posterior = mcmc.apply(loaded);
      org.jsbi.api.Batch observations = obs.data(posterior.model());
      if (localC2st && (posterior.as(McmcSampled.class).isPresent() || posterior.as(Focused.class).isPresent())) {
        throw new IllegalArgumentException("--local-c2st: expected an amortized posterior sampled directly (NPE), "
            + "got " + posterior.method() + " sampled " + (posterior.as(Focused.class).isPresent()
            ? "for one observation only" : "by MCMC") + "; L-C2ST needs its draws for 2,000 simulated data sets: "
            + "leave --local-c2st out");
      }
      CheckOutcome outcome = ObservationChecks.run(registry, posterior, observations,
          numSimulations, numSamples, seeds.seed, embeddingSpace ? Boolean.TRUE : null);
      ObservationChecks.print(out, outcome);
      List<LocalC2stResult> local = new ArrayList<>();
      if (localC2st) {
        try (LocalC2st test = LocalC2st.fit(posterior, posterior.model(), LocalC2st.DEFAULT_SIMULATIONS,
            LocalC2st.DEFAULT_NULL_TRIALS, seeds.seed + 2)) {
          for (int k = 0; k < observations.rows(); k++) {
            try {
              local.add(test.test(observations.row(k), RunCalibration.LOCAL_SAMPLES, seeds.seed + 3 + k));
              out.println("observation " + (k + 1) + ": " + local.get(k).inWords());
            } catch (IllegalStateException e) { // e.g. sampling refused an observation far from every simulation
              local.add(null);
              out.println("observation " + (k + 1) + ": L-C2ST not run: " + e.getMessage());
            }
          }
        }
      }
      if (output != null) {
        Files.createDirectories(output);
        Path json = output.resolve("checks.json");
        ObjectNode root = outcome.toJson();
        // the observations as the estimator's embedding network sees them, when it has one
        posterior.as(DataFeatures.class).ifPresent(f -> {
          org.jsbi.api.Batch e = f.features(observations);
          for (int k = 0; k < e.rows(); k++) {
            ArrayNode features = ((ObjectNode) root.path("observations").get(k)).putArray("embedding");
            java.util.Arrays.stream(e.row(k)).forEach(features::add);
          }
        });
        if (localC2st) {
          ArrayNode perObservation = root.putArray("localC2st");
          local.forEach(r -> perObservation.add(r == null ? perObservation.nullNode() : r.toJson()));
        }
        AtomicFiles.write(json, w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(root)));
        out.println("wrote " + json);
        for (int k = 0; k < local.size(); k++) {
          if (local.get(k) == null) {
            continue;
          }
          Path png = output.resolve("lc2st-observation-" + (k + 1) + ".png");
          LocalC2stPlots.write(local.get(k), png);
          out.println("wrote " + png);
        }
        for (int k = 0; k < outcome.bands().size(); k++) {
          if (outcome.bands().get(k) != null) {
            Path png = output.resolve("ppc-observation-" + (k + 1) + ".png");
            PredictivePlots.write(k + 1, posterior.model(), observations.row(k),
                outcome.bands().get(k), outcome.quantiles().get(k), png);
            out.println("wrote " + png);
          }
        }
      }
    }
    return 0;
  }
}
