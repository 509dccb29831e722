package org.jsbi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.TrainingCheckpointFile;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi train}: simulate (or read simulations), train a posterior, save it. */
@Command(name = "train", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = {"  jsbi train --model two-moons --num-simulations 10000 --output posterior/",
        "  jsbi train --model two-moons --num-simulations 10000 --output posterior/ --resume   (after a crash)"},
    description = "Train a posterior on simulations of a model and save it to a directory: NPE learns q(θ | x) "
        + "directly; NLE learns the likelihood q(x | θ) and samples the posterior by MCMC.")
final class TrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ProgressOptions display;
  @Mixin TrainingOptions training;
  @Mixin CsvOptions csv;
  @Mixin CheckpointOptions checkpointing;
  @Spec CommandSpec spec;

  @Mixin ModelOption modelOption;

  @Option(names = "--method", paramLabel = "METHOD",
      description = "Inference method (default npe, or the --warm-start posterior's; 'jsbi methods' lists them).")
  String method;

  @Option(names = "--warm-start", paramLabel = "DIR", description = "Continue training the posterior saved in DIR "
      + "on these simulations, from its weights and with its standardization, method, estimator and settings, "
      + "instead of starting afresh: for more simulations of the same model. DIR is left as it is.")
  Path warmStart;

  @Option(names = "--num-simulations", paramLabel = "N", description = "Simulations to run (not with --simulations).")
  Integer numSimulations;

  @Option(names = "--simulations", paramLabel = "FILE.csv",
      description = "Train on these simulations instead of simulating: a CSV file, or a campaign directory, as "
          + "written by 'jsbi simulate --output' or '--store'.")
  Path simulations;

  @Mixin SeedOption seeds;

  @Option(names = "--max-epochs", defaultValue = "2000", paramLabel = "E", description = "Upper bound on epochs.")
  int maxEpochs;

  @Option(names = "--threads", paramLabel = "T", description = "Simulation threads (default: all cores).")
  Integer threads;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory for the posterior; "
      + "refused when it already holds one, unless --force.")
  Path output;

  @Option(names = "--force", description = "Replace the posterior that --output already holds, or start over "
      + "where it holds the checkpoint of an unfinished run.")
  boolean force;

  @Option(names = "--resume", description = "Continue the unfinished training run whose checkpoint --output holds ("
      + TrainingCheckpointFile.NAME + "), given the same arguments: it ends with the weights that an uninterrupted "
      + "run gives. Simulations made with --num-simulations are made again (the same, from the seed).")
  boolean resume;


  @Override
  public Integer call() throws Exception {
    if ((numSimulations == null) == (simulations == null)) {
      throw new IllegalArgumentException("--num-simulations or --simulations: expected exactly one of them, got "
          + (numSimulations == null ? "neither" : "both"));
    }
    if (numSimulations != null) {
      Limits.positive("--num-simulations", numSimulations);
    }
    Limits.positive("--max-epochs", maxEpochs);
    checkpointing.check();
    if (resume && force) {
      throw new IllegalArgumentException("--resume and --force: expected at most one of them; --resume continues "
          + "the run whose checkpoint --output holds, --force starts over");
    }
    TrainingConfig config = training.config(TrainingConfig.defaults(seeds.seed).withMaxEpochs(maxEpochs));
    PosteriorStore.checkReplaceable("--output", output);
    PrintWriter out = spec.commandLine().getOut();
    Path checkpoint = output.resolve(TrainingCheckpointFile.NAME);
    try (OutputDirectory claimed = OutputDirectory.claim("--output", output, force, resume
        || Files.exists(checkpoint)); Registry registry = common.registry()) {
      TrainingCheckpoints checkpoints = checkpointing.in(checkpoint, resume, out);
      if (force) {
        Files.deleteIfExists(checkpoint);
      } else if (!resume && Files.exists(checkpoint)) {
        throw new IllegalArgumentException("--output: '" + output + "' holds the checkpoint of an unfinished "
            + "training run (" + TrainingCheckpointFile.NAME + "); pass --resume to continue it, or --force to "
            + "start over");
      }
      Model model = registry.model(modelOption.id);
      TrainedPosterior from = warmStart == null ? null
          : WarmStart.load(warmStart, registry, modelOption.id, method, training);
      String methodId = method != null ? method : from != null ? from.method() : "npe";
      TrainedPosterior posterior;
      try {
        InferenceMethod inference = training.method(registry, methodId);
        EstimatorFactory factory = training.factory(registry, model);
        SimulationSet sims = simulations != null ? SimulationFiles.read(simulations, model, csv) : simulate(model);
        out.println(sims.summary() + " of " + model.id());
        SimulationFiles.reportInvalid(out, sims);
        try (Progress progress = Progress.training("train " + training.estimator, config.resolvedFor(factory),
            display.showProgress())) {
          TrainingListener listener = TrainingListener.checkpointed(progress::epoch, checkpoints);
          posterior = from == null ? training.train(inference, model, factory, sims, config, listener)
              : inference.continueTraining(from, model, sims, factory, config, listener);
        }
      } finally {
        if (from != null) {
          from.close();
        }
      }
      try (posterior) {
        PosteriorStore.save(posterior, output);
        var h = posterior.estimator().history();
        out.printf(Locale.ROOT, "trained %s (%s) in %.1f s: %d epochs, best %s %.4f at epoch %d%n",
            training.estimator, methodId, h.trainingSeconds(), h.epochCount(),
            posterior.estimator().validationMeasure(), h.bestValidationLoss(), h.bestEpoch());
        supportLeak(h).ifPresent(out::println);
        out.println("wrote " + output);
      }
    }
    return 0;
  }

  /** What a box-bounded fit measured of q's mass outside the prior's support, and whether it finished truncated. */
  static Optional<String> supportLeak(TrainingHistory h) {
    if (Double.isNaN(h.supportLeak())) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "q's mass outside the prior's support: %.1f%% "
        + "(validation simulations, at the first plateau); %s", 100 * h.supportLeak(), h.finishFrom() > 0
        ? "finished as a density truncated to the support from epoch " + h.finishFrom()
        : "not finished as a truncated density"));
  }

  private SimulationSet simulate(Model model) {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    try (Progress progress = Progress.start("simulate " + model.id(), numSimulations, display.showProgress())) {
      return new SimulationRunner(SimulationOptions.defaults().withThreads(t).withListener(progress::stepTo))
          .run(model, numSimulations, seeds.seed);
    }
  }
}
