package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.cli.plots.Png;
import org.jsbi.cli.plots.PosteriorPlots;
import org.jsbi.cli.plots.PredictivePlots;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.TrainingCheckpointFile;
import org.jsbi.inference.checks.CheckOutcome;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi run}: the whole workflow in one command, leaving files to show a colleague. */
@Command(name = "run", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi run --model two-moons --observation examples/two-moons/observation.csv --output run/",
    description = "Simulate, train, sample and check in one go: writes samples.csv, pairplot.png, training.png, "
        + "ppc.png, checks.json, the calibration plots when calibration ran, report.html, the saved posterior/ and "
        + "run.json (the marker of a finished run) to "
        + "--output.")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ProgressOptions display;
  @Mixin CsvOptions csv;
  @Mixin TrainingOptions training;
  @Mixin McmcOptions mcmc;
  @Spec CommandSpec spec;

  @Mixin ModelOption modelOption;

  @Option(names = "--observation", required = true, paramLabel = "FILE.csv",
      description = "The observed data: a header row and one row of values.")
  Path observation;

  @Option(names = "--method", defaultValue = "npe", paramLabel = "METHOD",
      description = "Inference method (default ${DEFAULT-VALUE}; 'jsbi methods' lists them).")
  String method;

  /** The method looked up by {@link #method}, once the plugins are loaded. */
  private InferenceMethod inference;

  @Option(names = "--num-simulations", defaultValue = "10000", paramLabel = "N",
      description = "Simulations to train on (default ${DEFAULT-VALUE}).")
  int numSimulations;

  @Option(names = "--num-samples", defaultValue = "10000", paramLabel = "N",
      description = "Posterior samples (default ${DEFAULT-VALUE}).")
  int numSamples;

  @Option(names = "--num-tests", paramLabel = "N", description = "Test simulations for the calibration checks "
      + "(default 100 for NPE; 0, none, for NLE, where each test runs MCMC).")
  Integer numTests;

  @Mixin SeedOption seeds;

  @Option(names = "--true-parameters", paramLabel = "FILE.csv",
      description = "The true θ (one row), drawn over the pair plot.")
  Path trueParameters;

  @Option(names = "--reference-samples", paramLabel = "FILE.csv",
      description = "Reference posterior samples, drawn over the pair plot.")
  Path referenceSamples;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory for everything written.")
  Path output;

  @Option(names = "--force", description = "Replace the run that --output already holds.")
  boolean force;

  @Option(names = "--resume", description = "Finish the interrupted run in --output (its run.json says "
      + "\"running\"), started with the same arguments: a saved posterior/ is loaded instead of trained again, and "
      + "an unfinished training continues from its checkpoint.")
  boolean resume;

  @Mixin CheckpointOptions checkpointing;

  @Override
  public Integer call() throws Exception {
    checkArguments();
    TrainingConfig config = training.config(TrainingConfig.defaults(seeds.seed));
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> timings = new LinkedHashMap<>();
    List<Path> written = new ArrayList<>();
    try (Registry registry = common.registry()) {
      Model model = registry.model(modelOption.id);
      inference = training.method(registry, method);
      CsvTable observed = csv.read("--observation", observation);
      double[] xo = observed.oneRow(observed.data(model));
      CsvTable truthFile = trueParameters == null ? null : csv.read("--true-parameters", trueParameters);
      double[] truth = truthFile == null ? null : truthFile.oneRow(truthFile.parameters(model));
      Batch reference = referenceSamples == null ? null
          : csv.read("--reference-samples", referenceSamples).parameters(model);
      EstimatorFactory factory = training.factory(registry, model);
      Limits.checkArray("--num-samples", numSamples, model.parameterDim(), "parameters");
      try (OutputDirectory claimed = OutputDirectory.claim("--output", output, force, resume)) {
        RunState state = new RunState(output, resumeArguments(xo));
        boolean resuming = resume && state.checkResumable(output);
        if (force) {
          RunFiles.clear(output);
        }
        Files.createDirectories(output);
        state.running();
        Path posteriorDir = output.resolve("posterior");
        TrainedPosterior trained;
        String simulations;
        if (resuming && Files.exists(posteriorDir)) {
          trained = PosteriorStore.load("--resume", posteriorDir, registry);
          simulations = trained.training().simulations() + " simulations (resumed from " + posteriorDir + ")";
          timings.put("simulate and train", "resumed from the saved posterior");
          out.println("resuming: loaded the posterior saved in " + posteriorDir);
        } else {
          long t0 = System.nanoTime();
          SimulationSet sims;
          try (Progress progress = Progress.start("simulate", numSimulations, display.showProgress())) {
            sims = new SimulationRunner(SimulationOptions.defaults().withListener(progress::stepTo))
                .run(model, numSimulations, seeds.seed);
          }
          timings.put("simulate", seconds(t0));
          simulations = sims.summary();
          out.println(simulations + " of " + model.id());
          long t1 = System.nanoTime();
          Path checkpoint = output.resolve(TrainingCheckpointFile.NAME);
          TrainingCheckpoints checkpoints = checkpointing.in(checkpoint, resuming && Files.exists(checkpoint), out);
          try (Progress progress = Progress.training("train " + training.estimator, config.resolvedFor(factory),
              display.showProgress())) {
            TrainingListener listener = TrainingListener.checkpointed(progress::epoch, checkpoints);
            trained = training.train(inference, model, factory, sims, config, listener);
          }
          timings.put("train", seconds(t1));
          PosteriorStore.save(trained, posteriorDir);
          Files.deleteIfExists(checkpoint);
        }
        written.add(posteriorDir);
        written.addAll(finish(out, registry, model, factory, trained, simulations, xo, truth, reference, timings));
        state.complete();
        written.add(output.resolve(RunState.FILE));
      }
    }
    out.println("wrote:");
    written.forEach(p -> out.println("  " + p));
    return 0;
  }

  /** The arguments that determine a run's posterior, which --resume must repeat. */
  private Map<String, String> resumeArguments(double[] xo) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("--model", modelOption.id);
    a.put("--method", method);
    a.put("--estimator", training.estimator);
    training.methodOptions().forEach((name, value) -> a.put("--" + name, value));
    a.put("--num-simulations", Integer.toString(numSimulations));
    a.put("--seed", Long.toString(seeds.seed));
    a.put("--observation", java.util.Arrays.toString(xo));
    a.put("--batch-size", String.valueOf(training.batchSize));
    a.put("--learning-rate", String.valueOf(training.learningRate));
    a.put("--lr-drops", String.valueOf(training.learningRateDrops));
    a.put("--embedding", String.valueOf(training.embedding));
    a.put("--embedding-dim", String.valueOf(training.embeddingDim));
    return a;
  }

  /** Samples, checks, plots and the report, from a trained (or resumed) posterior. */
  private List<Path> finish(PrintWriter out, Registry registry, Model model, EstimatorFactory factory,
      TrainedPosterior trained, String simulations, double[] xo, double[] truth, Batch reference,
      Map<String, String> timings) throws Exception {
    List<Path> written = new ArrayList<>();
    try (trained) {
      TrainedPosterior posterior = mcmc.apply(trained);
      var history = posterior.estimator().history();
      out.printf(Locale.ROOT, "trained %s (%s): %d epochs, best %s %.4f at epoch %d%n",
          training.estimator, method, history.epochCount(), posterior.estimator().validationMeasure(),
          history.bestValidationLoss(), history.bestEpoch());
      TrainCommand.supportLeak(history).ifPresent(out::println);

      long t2 = System.nanoTime();
      PosteriorSamples samples;
      boolean byMcmc = posterior.as(McmcSampled.class).isPresent();
      try (Progress progress = Progress.start(byMcmc ? "MCMC" : "sample", 1, display.showProgress())) {
        samples = progress.track(posterior).sample(numSamples, xo, seeds.seed);
      }
      timings.put("sample", seconds(t2));
      out.println(samples.diagnostics().isEmpty() ? String.format(Locale.ROOT, "%d samples, acceptance rate %.3f",
          numSamples, samples.acceptanceRate()) : samples.diagnostics());
      written.add(RunFiles.samples(output, posterior.parameterNames(), samples.samples()));

      long t3 = System.nanoTime();
      CheckOutcome checks = ObservationChecks.run(registry, posterior, Batch.wrap(1, xo.length,
          xo.clone()), 2000, 500, seeds.seed, null);
      RunCalibration calibration = RunCalibration.run(posterior, model, xo, numTests, output, seeds.seed, out);
      double[] map = posterior.as(SamplesOnly.class).isPresent() ? null : posterior.map(xo, seeds.seed);
      timings.put("check", seconds(t3));
      ObservationChecks.print(out, checks);

      Path checksJson = output.resolve("checks.json");
      ObjectNode json = checks.toJson();
      if (!samples.diagnostics().isEmpty()) {
        // how the sampler fared (for MCMC: ESS, R-hat, the chains' groups, the draws' modes and their shares)
        json.set("sampler", SamplerJson.of(samples, posterior.parameterNames()));
      }
      if (calibration.result() != null) {
        json.set("calibration", calibration.result().toJson(posterior.parameterNames()));
      }
      if (calibration.local() != null) {
        json.set("localC2st", calibration.local().toJson());
      }
      AtomicFiles.write(checksJson, w -> w.write(new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(json)));
      written.add(checksJson);
      Path pair = output.resolve("pairplot.png");
      Png.save(PosteriorPlots.pairPlot(samples.samples(), posterior.parameterNames(), reference, truth), pair);
      Path curve = output.resolve("training.png");
      Png.save(PosteriorPlots.training(history), curve);
      written.add(pair);
      written.add(curve);
      Path ppc = null;
      if (checks.bands().get(0) != null) {
        ppc = output.resolve("ppc.png");
        PredictivePlots.write(1, model, xo, checks.bands().get(0), checks.quantiles().get(0), ppc);
        written.add(ppc);
      }
      written.addAll(calibration.plots());
      Path report = RunFiles.report(output, model, settings(factory, simulations, posterior), timings, xo, samples,
          map, checks, calibration, new RunFiles.Plots(pair, curve, ppc), written, posterior.parameterNames());
      written.add(report);
    }
    return written;
  }

  private Map<String, String> settings(EstimatorFactory factory, String simulations, TrainedPosterior posterior) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("method", method + ": " + inference.description());
    s.put("estimator", training.estimator + ": " + factory.description());
    posterior.settings().forEach(s::put); // what the method made of its options, e.g. NPE's thetaSpace
    s.put("simulations", simulations);
    TrainingConfig config = posterior.training().config();
    s.put("training", String.format(Locale.ROOT, "Adam at learning rate %s, at most %d learning-rate drop(s)",
        config.learningRate(), config.learningRateDrops()));
    s.put("posterior samples", Integer.toString(numSamples));
    s.put("seed", Long.toString(seeds.seed));
    s.put("jsbi version", String.valueOf(Jsbi.class.getPackage().getImplementationVersion()));
    return s;
  }

  private void checkArguments() {
    checkpointing.check();
    Limits.atLeast("--num-simulations", numSimulations, 20, "simulations");
    Limits.atLeast("--num-samples", numSamples, 100, "samples");
    if (numTests != null && numTests != 0 && (numTests < 20 || numTests > 100_000)) {
      throw new IllegalArgumentException("--num-tests: expected 0 (none) or 20 to 100000 test simulations (each "
          + "draws 100 posterior samples), got " + numTests);
    }
    if (force && resume) {
      throw new IllegalArgumentException("--force and --resume: expected at most one (--force starts again, "
          + "--resume finishes an interrupted run), got both");
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IllegalArgumentException("--output: '" + output + "' is a file; expected a directory");
    }
  }

  private static String seconds(long start) {
    return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
  }
}
