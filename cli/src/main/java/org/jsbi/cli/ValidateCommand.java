package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.checks.Calibration;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi validate}: is the trained posterior calibrated? SBC, expected coverage and TARP on fresh simulations. */
@Command(name = "validate", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi validate --posterior posterior/ --num-tests 200 --output validation/",
    description = "Check a posterior's calibration on fresh simulations: SBC ranks per parameter, expected "
        + "coverage of highest-density regions, and TARP, each with a uniformity p-value; with --output, "
        + "calibration.json and PNG plots.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin McmcOptions mcmc;
  @Spec CommandSpec spec;

  @Option(names = "--posterior", required = true, paramLabel = "DIR", description = "Directory from 'jsbi train'.")
  Path posteriorDir;

  @Option(names = "--num-tests", defaultValue = "200", paramLabel = "N",
      description = "Test simulations (default ${DEFAULT-VALUE}).")
  int numTests;

  @Option(names = "--num-samples", defaultValue = "100", paramLabel = "L",
      description = "Posterior samples per test simulation (default ${DEFAULT-VALUE}).")
  int numSamples;

  @Mixin SeedOption seeds;

  @Option(names = "--c2st", defaultValue = "0", paramLabel = "K", description = "Also score C2ST against the "
      + "model's exact reference posterior for K observations simulated from the prior (models with a reference "
      + "posterior only; default ${DEFAULT-VALUE}).")
  int c2stObservations;

  @Option(names = "--output", paramLabel = "DIR", description = "Write calibration.json, sbc-ranks.png, sbc-ecdf.png and coverage.png here.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Limits.atLeast("--num-tests", numTests, 20, "test simulations");
    Limits.atLeast("--num-samples", numSamples, 10, "samples per test");
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registryFor("--posterior", posteriorDir);
        TrainedPosterior loaded = PosteriorStore.load("--posterior", posteriorDir, registry)) {
      TrainedPosterior posterior = mcmc.apply(loaded);
      if (posterior.as(Focused.class).isPresent()) {
        throw new IllegalArgumentException("--posterior: '" + posteriorDir + "' holds a posterior trained for a "
            + "single observation; validate needs an amortized one, which answers any x: check this one with 'jsbi "
            + "check'");
      }
      CalibrationResult r = Calibration.run(posterior, posterior.model(), numTests, numSamples, seeds.seed);
      out.printf(Locale.ROOT, "%d test simulations, %d posterior samples each%s%n", r.tests(), r.samplesPerTest(),
          r.invalidSimulations() > 0 ? " (" + r.invalidSimulations() + " invalid simulations left out)" : "");
      for (int j = 0; j < r.sbcPValues().length; j++) {
        out.printf(Locale.ROOT, "SBC %-16s p-value %.4f%s%n", posterior.parameterNames().get(j), r.sbcPValues()[j],
            r.sbcPValues()[j] < 0.01 ? "  (ranks are not uniform: the posterior is biased or mis-scaled here)" : "");
      }
      out.printf(Locale.ROOT, "rank-based coverage of central intervals: largest gap to the level %.3f%n",
          r.rankCoverageMaxGap());
      if (r.hasHpd()) {
        out.printf(Locale.ROOT, "HPD coverage p-value %.4f, area to the diagonal %.3f%n", r.coveragePValue(),
            r.hpdAreaToDiagonal());
      } else {
        out.println("HPD coverage " + CalibrationResult.HPD_SKIPPED);
      }
      out.printf(Locale.ROOT, "TARP p-value %.4f, area to the diagonal %.3f%n", r.tarpPValue(),
          r.tarpAreaToDiagonal());
      var classifier = posterior.as(org.jsbi.inference.RatioClassified.class).map(c -> {
        var sims = org.jsbi.api.simulation.Simulations.run(posterior.model(), CLASSIFIER_PAIRS, seeds.seed + 31);
        return c.classifier(sims.theta(), sims.x());
      });
      classifier.ifPresent(report -> out.printf(Locale.ROOT, "ratio classifier on %d held-out pairs: accuracy "
          + "%.3f (each x with its own θ and with another's), balance %+.3f (0 when balanced, above 0 when it leans "
          + "to 'together', which widens the posterior)%n", report.pairs(), report.accuracy(), report.balance()));
      double[] c2st = c2st(posterior);
      out.println("verdict: " + r.verdict().id() + ": " + r.verdict().inWords() + " (" + r.rule() + ")");
      if (output != null) {
        Files.createDirectories(output);
        Path json = output.resolve("calibration.json");
        AtomicFiles.write(json, w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(toJson(r, posterior, c2st, classifier.orElse(null)))));
        out.println("wrote " + json);
        for (Path png : org.jsbi.cli.plots.CalibrationPlots.write(r, posterior.parameterNames(), output)) {
          out.println("wrote " + png);
        }
      }
    }
    return 0;
  }

  /** Fresh simulated pairs an NRE posterior's classifier is scored on. */
  private static final int CLASSIFIER_PAIRS = 1000;

  /** C2ST of 1,000 posterior samples against 1,000 exact reference samples, for observations from the prior. */
  private double[] c2st(TrainedPosterior posterior) {
    if (c2stObservations <= 0) {
      return new double[0];
    }
    var reference = posterior.model().referencePosterior().orElseThrow(() -> new IllegalArgumentException(
        "--c2st: model '" + posterior.modelId() + "' has no exact reference posterior; leave out --c2st"));
    PrintWriter out = spec.commandLine().getOut();
    double[] scores = new double[c2stObservations];
    for (int k = 0; k < scores.length; k++) {
      var streams = new org.jsbi.api.RandomStreams(seeds.seed + 17L * (k + 1));
      double[] theta = posterior.model().prior().sample(streams.stream(0, org.jsbi.api.RandomStreams.Purpose.PRIOR));
      double[] x = posterior.model().simulator().simulate(theta,
          streams.stream(0, org.jsbi.api.RandomStreams.Purpose.SIMULATOR));
      var ref = reference.sample(1000, x, streams.single(org.jsbi.api.RandomStreams.Purpose.SAMPLER));
      scores[k] = org.jsbi.inference.checks.C2st.score(posterior.sample(1000, x, seeds.seed + k).samples(), ref, seeds.seed + k);
      out.printf(Locale.ROOT, "C2ST against the exact posterior, observation %d: %.3f (0.5 is perfect)%n", k + 1,
          scores[k]);
    }
    return scores;
  }

  private static ObjectNode toJson(CalibrationResult r, TrainedPosterior posterior, double[] c2st,
      org.jsbi.inference.RatioClassified.Report classifier) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", posterior.modelId());
    root.put("method", posterior.method());
    if (classifier != null) {
      ObjectNode c = root.putObject("classifier");
      c.put("pairs", classifier.pairs());
      c.put("accuracy", classifier.accuracy());
      c.put("balance", classifier.balance());
    }
    ArrayNode c2stNode = root.putArray("c2st");
    for (double v : c2st) {
      c2stNode.add(v);
    }
    root.setAll(r.toJson(posterior.parameterNames()));
    return root;
  }
}
