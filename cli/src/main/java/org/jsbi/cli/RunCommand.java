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
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.cli.plots.Png;
import org.jsbi.cli.plots.PosteriorPlots;
import org.jsbi.cli.plots.PredictivePlots;
import org.jsbi.inference.TrainedPosterior;
import org.jsbi.inference.checks.Calibration;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.nle.Nle;
import org.jsbi.inference.npe.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi run}: the whole workflow in one command, leaving files to show a colleague. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Simulate, train, sample and check in one go: writes samples.csv, pairplot.png, training.png, "
        + "checks.json, report.html and the saved posterior/ to --output.")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;
  @Mixin McmcOptions mcmc;
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see 'jsbi models').")
  String modelId;

  @Option(names = "--observation", required = true, paramLabel = "FILE.csv",
      description = "The observed data: a header row and one row of values.")
  Path observation;

  @Option(names = "--method", defaultValue = "npe", paramLabel = "METHOD",
      description = "Inference method: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  TrainCommand.Method method;

  @Option(names = "--num-simulations", defaultValue = "10000", paramLabel = "N",
      description = "Simulations to train on (default ${DEFAULT-VALUE}).")
  int numSimulations;

  @Option(names = "--num-samples", defaultValue = "10000", paramLabel = "N",
      description = "Posterior samples (default ${DEFAULT-VALUE}).")
  int numSamples;

  @Option(names = "--num-tests", paramLabel = "N", description = "Test simulations for the calibration checks "
      + "(default 100 for NPE; 0, none, for NLE, where each test runs MCMC).")
  Integer numTests;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--true-parameters", paramLabel = "FILE.csv",
      description = "The true θ (one row), drawn over the pair plot.")
  Path trueParameters;

  @Option(names = "--reference-samples", paramLabel = "FILE.csv",
      description = "Reference posterior samples, drawn over the pair plot.")
  Path referenceSamples;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory for everything written.")
  Path output;

  @Override
  public Integer call() throws Exception {
    checkArguments();
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> timings = new LinkedHashMap<>();
    List<Path> written = new ArrayList<>();
    try (Registry registry = common.registry()) {
      Model model = registry.model(modelId);
      CsvTable observed = readOne("--observation", observation, model.dataDim());
      SampleCommand.checkObservations(observed, model.dataDim(), observation);
      double[] xo = observed.rows().row(0);
      double[] truth = trueParameters == null ? null
          : readOne("--true-parameters", trueParameters, model.parameterDim()).rows().row(0);
      Batch reference = referenceSamples == null ? null : readReference(model);
      training.check(method);
      EstimatorFactory factory = training.factory(registry);
      Files.createDirectories(output);

      long t0 = System.nanoTime();
      SimulationSet sims;
      try (Progress progress = Progress.start("simulate", numSimulations, common.showProgress())) {
        sims = new SimulationRunner(SimulationOptions.defaults().withListener(progress::stepTo))
            .run(model, numSimulations, seed);
      }
      timings.put("simulate", seconds(t0));
      out.println(sims.summary() + " of " + model.id());

      long t1 = System.nanoTime();
      TrainingConfig config = training.config(TrainingConfig.defaults(seed));
      TrainedPosterior trained;
      try (Progress progress = Progress.start("train " + training.estimator, config.maxEpochs(),
          common.showProgress())) {
        trained = method == TrainCommand.Method.nle
            ? new Nle(model, factory).listener(progress::epoch).train(sims, config)
            : training.npe(model, factory).listener(progress::epoch).train(sims, config);
      }
      try (trained) {
        TrainedPosterior posterior = mcmc.apply(trained);
        timings.put("train", seconds(t1));
        var history = posterior.estimator().history();
        out.printf(Locale.ROOT, "trained %s (%s): %d epochs, best validation loss %.4f at epoch %d%n",
            training.estimator, method, history.epochCount(), history.bestValidationLoss(), history.bestEpoch());
        TrainCommand.supportLeak(history).ifPresent(out::println);
        Path posteriorDir = output.resolve("posterior");
        PosteriorStore.save(posterior, posteriorDir);
        written.add(posteriorDir);

        long t2 = System.nanoTime();
        PosteriorSamples samples;
        try (Progress progress = Progress.start(method == TrainCommand.Method.nle ? "MCMC" : "sample", 1,
            common.showProgress())) {
          samples = progress.track(posterior).sample(numSamples, xo, seed);
        }
        timings.put("sample", seconds(t2));
        out.println(samples.diagnostics().isEmpty() ? String.format(Locale.ROOT, "%d samples, acceptance rate %.3f",
            numSamples, samples.acceptanceRate()) : samples.diagnostics());
        written.add(RunFiles.samples(output, posterior.parameterNames(), samples.samples()));

        long t3 = System.nanoTime();
        ObservationChecks.Outcome checks = ObservationChecks.run(registry, posterior, Batch.wrap(1, xo.length,
            xo.clone()), 2000, 500, seed, null);
        int tests = numTests != null ? numTests : method == TrainCommand.Method.nle ? 0 : 100;
        CalibrationResult calibration = tests > 0
            ? Calibration.run(posterior, model, tests, 100, seed + 1) : null;
        timings.put("check", seconds(t3));
        ObservationChecks.print(out, checks);

        Path checksJson = output.resolve("checks.json");
        ObjectNode json = ObservationChecks.toJson(checks, model);
        if (calibration != null) {
          RunFiles.calibrationJson(json.putObject("calibration"), calibration, posterior.parameterNames());
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
        if (checks.quantiles().get(0) != null) {
          ppc = output.resolve("ppc.png");
          PredictivePlots.write(1, model.dataNames(), checks.quantiles().get(0), ppc);
          written.add(ppc);
        }
        Path report = RunFiles.report(output, model, settings(factory, sims, posterior), timings, xo, samples,
            checks, calibration, pair, curve, ppc, posterior.parameterNames());
        written.add(report);
      }
    }
    out.println("wrote:");
    written.forEach(p -> out.println("  " + p));
    return 0;
  }

  private Map<String, String> settings(EstimatorFactory factory, SimulationSet sims, TrainedPosterior posterior) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("method", method.name());
    s.put("estimator", training.estimator + ": " + factory.description());
    if (method == TrainCommand.Method.npe) {
      s.put("θ space", training.thetaSpace);
    }
    s.put("simulations", sims.summary());
    TrainingConfig config = posterior.training().config();
    s.put("training", String.format(Locale.ROOT, "Adam at learning rate %s, at most %d learning-rate drop(s)",
        config.learningRate(), config.learningRateDrops()));
    s.put("posterior samples", Integer.toString(numSamples));
    s.put("seed", Long.toString(seed));
    s.put("jsbi version", String.valueOf(Jsbi.class.getPackage().getImplementationVersion()));
    return s;
  }

  private void checkArguments() {
    if (numSimulations < 20) {
      throw new IllegalArgumentException("--num-simulations: expected at least 20 simulations, got "
          + numSimulations);
    }
    if (numSamples < 100) {
      throw new IllegalArgumentException("--num-samples: expected at least 100 samples, got " + numSamples);
    }
    if (numTests != null && numTests != 0 && numTests < 20) {
      throw new IllegalArgumentException("--num-tests: expected 0 (none) or at least 20, got " + numTests);
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IllegalArgumentException("--output: '" + output + "' is a file; expected a directory");
    }
  }

  /** A CSV file of exactly one row of {@code dim} values. */
  private static CsvTable readOne(String argument, Path file, int dim) throws Exception {
    CsvTable t = CsvTable.read(argument, file);
    if (t.header().size() != dim || t.rows().rows() != 1) {
      throw new IllegalArgumentException(argument + ": " + file + " has " + t.header().size() + " columns and "
          + t.rows().rows() + " rows, expected " + dim + " columns and one row");
    }
    return t;
  }

  private Batch readReference(Model model) throws Exception {
    CsvTable t = CsvTable.read("--reference-samples", referenceSamples);
    if (t.header().size() != model.parameterDim()) {
      throw new IllegalArgumentException("--reference-samples: " + referenceSamples + " has " + t.header().size()
          + " columns, expected " + model.parameterDim());
    }
    return t.rows();
  }

  private static String seconds(long start) {
    return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
  }
}
