package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.inference.TrainedPosterior;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.EvidenceCheck;
import org.jsbi.inference.checks.Mmd;
import org.jsbi.inference.checks.PredictiveCheck;
import org.jsbi.inference.checks.Typicality;
import org.jsbi.inference.checks.Verdicts;
import org.jsbi.inference.nle.NlePosterior;
import org.jsbi.inference.npe.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi check}: can the model explain the observed data? Outlier and misspecification tests per observation. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check observations against the model: MMD and typicality against the prior predictive, the "
        + "NLE evidence when the posterior is NLE, and prior and posterior predictive checks; a verdict each.")
final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
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

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Write checks.json, and ppc-observation-K.png for each observation, here.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (numSimulations < 250) {
      throw new IllegalArgumentException("--num-simulations: expected at least 250 reference simulations (the "
          + "typicality test holds out 20%, at least 50), got " + numSimulations);
    }
    if (numSamples < 20) {
      throw new IllegalArgumentException("--num-samples: expected at least 20 draws, got " + numSamples);
    }
    PrintWriter out = spec.commandLine().getOut();
    CsvTable obs = CsvTable.read("--observation", observation);
    try (Registry registry = common.registry();
        TrainedPosterior loaded = PosteriorStore.load(posteriorDir, registry)) {
      TrainedPosterior posterior = mcmc.apply(loaded);
      SampleCommand.checkObservations(obs, posterior.dataDim(), observation);
      Model model = posterior.model();
      Batch reference = new SimulationRunner(SimulationOptions.defaults()).run(model, numSimulations, seed).x();
      Batch forMmd = reference.selectRows(java.util.stream.IntStream.range(0, Math.min(1000, reference.rows()))
          .toArray());
      List<List<CheckResult>> results = new ArrayList<>();
      try (Typicality typicality = Typicality.fit(reference, registry.estimator("maf"), seed)) {
        EvidenceCheck evidence = posterior instanceof NlePosterior nle
            ? EvidenceCheck.fit(nle.estimator(), model.prior(), forMmd.selectRows(
                java.util.stream.IntStream.range(0, Math.min(200, forMmd.rows())).toArray()), seed) : null;
        for (int k = 0; k < obs.rows().rows(); k++) {
          double[] xo = obs.rows().row(k);
          List<CheckResult> checks = new ArrayList<>();
          checks.add(Mmd.test(Batch.wrap(1, xo.length, xo.clone()), forMmd, seed + k));
          checks.add(typicality.test(xo));
          if (evidence != null) {
            checks.add(evidence.test(xo));
          }
          Batch prior = model.prior().sample(numSamples, new RandomStreams(seed + k).single(RandomStreams.Purpose.PRIOR));
          checks.add(PredictiveCheck.run("prior-predictive", model, prior, xo, seed + k).result());
          try {
            Batch post = posterior.sample(numSamples, xo, seed + k).samples();
            PredictiveCheck.Outcome ppc = PredictiveCheck.run("posterior-predictive", model, post, xo, seed + k);
            checks.add(ppc.result());
            if (output != null) {
              Path png = output.resolve("ppc-observation-" + (k + 1) + ".png");
              org.jsbi.cli.plots.PredictivePlots.write(k + 1, model.dataNames(), ppc.quantiles(), png);
              out.println("wrote " + png);
            }
          } catch (IllegalStateException e) {
            // An observation far outside the model's range can leave NPE's posterior almost all outside the prior.
            out.printf(Locale.ROOT, "observation %d: posterior predictive check not run: %s%n", k + 1,
                e.getMessage());
          }
          results.add(checks);
        }
      }
      List<Verdicts.Report> reports = Verdicts.judge(results);
      CheckResult batch = obs.rows().rows() > 1 ? Mmd.test(obs.rows(), forMmd, seed) : null;
      print(out, reports, batch);
      if (output != null) {
        Files.createDirectories(output);
        Path json = output.resolve("checks.json");
        AtomicFiles.write(json, w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(toJson(reports, batch, model))));
        out.println("wrote " + json);
      }
    }
    return 0;
  }

  private static void print(PrintWriter out, List<Verdicts.Report> reports, CheckResult batch) {
    out.printf(Locale.ROOT, "%-12s %-21s %12s %9s%n", "observation", "check", "statistic", "p-value");
    for (Verdicts.Report r : reports) {
      for (CheckResult c : r.checks()) {
        out.printf(Locale.ROOT, "%-12d %-21s %12.4g %9.4f%n", r.observation(), c.name(), c.statistic(), c.pValue());
      }
      out.printf(Locale.ROOT, "observation %d: %s (adjusted p %.4f): %s%n", r.observation(), r.verdict().id(),
          r.adjustedPValue(), r.verdict().inWords());
    }
    if (batch != null) {
      out.printf(Locale.ROOT, "all observations together: MMD p-value %.4f (%s)%n", batch.pValue(), batch.detail());
    }
  }

  private static ObjectNode toJson(List<Verdicts.Report> reports, CheckResult batch, Model model) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", model.id());
    root.put("suspiciousBelow", Verdicts.SUSPICIOUS_BELOW);
    root.put("misspecifiedBelow", Verdicts.MISSPECIFIED_BELOW);
    ArrayNode list = root.putArray("observations");
    for (Verdicts.Report r : reports) {
      ObjectNode o = list.addObject();
      o.put("observation", r.observation());
      o.put("verdict", r.verdict().id());
      o.put("inWords", r.verdict().inWords());
      o.put("adjustedPValue", r.adjustedPValue());
      ArrayNode checks = o.putArray("checks");
      for (CheckResult c : r.checks()) {
        checks.addObject().put("name", c.name()).put("statistic", c.statistic()).put("pValue", c.pValue())
            .put("detail", c.detail());
      }
    }
    if (batch != null) {
      root.putObject("batch").put("name", batch.name()).put("statistic", batch.statistic())
          .put("pValue", batch.pValue()).put("detail", batch.detail());
    }
    return root;
  }
}
