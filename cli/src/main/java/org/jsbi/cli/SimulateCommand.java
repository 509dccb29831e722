package org.jsbi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.io.DirectoryLock;
import org.jsbi.api.io.FileTrees;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.SimulationSink;
import org.jsbi.api.simulation.LocalCampaignExecutor;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationStore;
import org.jsbi.plugins.Registry;
import org.jsbi.spark.SparkCampaignExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi simulate}: draws (θ, x) pairs from a model's prior and simulator into a CSV file. */
@Command(name = "simulate", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi simulate --model slcp --num-simulations 10000 --seed 7 --output slcp.csv",
    description = "Simulate (theta, x) pairs from a model's prior and simulator, in parallel, into a CSV file; "
        + "or from a learned likelihood (--surrogate), the fast emulator that NLE trains.")
final class SimulateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ProgressOptions display;
  @Mixin CsvOptions csv;
  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "ID", description = "Model id (see 'jsbi models').")
  String modelId;

  @Option(names = "--surrogate", paramLabel = "DIR", description = "Simulate with the learned likelihood q(x | θ) "
      + "of an NLE posterior directory ('jsbi train --method nle') instead of a model's simulator.")
  Path surrogate;

  @Option(names = "--num-simulations", paramLabel = "N", description = "Number of simulations, θ from the prior.")
  Integer numSimulations;

  @Option(names = "--parameters", paramLabel = "FILE.csv", description = "Simulate for these θ (a header of "
      + "parameter names, one row each) instead of drawing them from the prior.")
  Path parameters;

  @Mixin SeedOption seeds;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all ${sys:jsbi.cores} "
      + "cores).")
  Integer threads;

  @Option(names = "--invalid", paramLabel = "POLICY", defaultValue = "exclude",
      description = "What to do with failed simulations: exclude (default) or keep them in the CSV. Either way "
          + "they are counted and listed in FILE.invalid.csv.")
  String invalid;

  @Option(names = "--store", paramLabel = "DIR", description = "Run as a durable campaign: results go to DIR in "
      + "chunks, each written atomically with a checksum, so that --resume can continue after a crash.")
  Path store;

  @Option(names = "--resume", description = "Continue the campaign in --store DIR: simulate only what is missing "
      + "or corrupt.")
  boolean resume;

  @Option(names = "--chunk-size", defaultValue = "1000", paramLabel = "N",
      description = "Simulations per chunk of a --store campaign (default ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(names = "--executor", defaultValue = "local", paramLabel = "NAME",
      description = "Where simulations run: local (this machine's threads, the default) or spark (a Spark job; "
          + "see --master). Both give identical results for a seed.")
  String executor;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for --executor spark: local[N] "
      + "(embedded Spark with N cores), spark://host:7077, yarn ... Under spark-submit, its --master is used.")
  String master;

  @Option(names = "--connect-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "With "
      + "--executor spark: how long to wait for the cluster to run a first task before giving up (default "
      + "${DEFAULT-VALUE}).")
  int connectTimeout;

  @Option(names = "--output", paramLabel = "FILE.csv",
      description = "Output CSV: a header of parameter names then data names, one row per simulation.")
  Path output;

  /** The store a Spark run without --store uses; removed at the end. */
  private Path temporaryStore;

  @Override
  public Integer call() throws Exception {
    try {
      return simulate();
    } finally {
      if (temporaryStore != null) {
        FileTrees.delete(temporaryStore);
      }
    }
  }

  private Integer simulate() throws Exception {
    if ((modelId == null) == (surrogate == null)) {
      throw new IllegalArgumentException("--model or --surrogate: expected exactly one of them, got "
          + (modelId == null ? "neither" : "both"));
    }
    if ((numSimulations == null) == (parameters == null)) {
      throw new IllegalArgumentException("--num-simulations or --parameters: expected exactly one of them, got "
          + (numSimulations == null ? "neither" : "both"));
    }
    if (numSimulations != null) {
      Limits.positive("--num-simulations", numSimulations);
    }
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Limits.positive("--threads", threadCount);
    InvalidPolicy policy = parsePolicy(invalid);
    checkStoreArguments();
    boolean onSpark = checkExecutorArguments();
    if (output != null) {
      AtomicFiles.checkWritable("--output", output);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (DirectoryLock storeLock = store == null ? null : DirectoryLock.acquire("--store", store);
        Registry registry = surrogate == null ? common.registry() : common.registryFor("--surrogate", surrogate);
        Surrogates.Loaded loaded = Surrogates.load(surrogate, registry)) {
      Model model = loaded != null ? loaded.model() : registry.model(modelId);
      Batch theta = parameters == null ? null : readParameters(model);
      int count = theta == null ? numSimulations : theta.rows();
      long start = System.nanoTime();
      String where = threadCount + " threads";
      try (SimulationCsv csv = new SimulationCsv(output, model.parameterNames(), model.dataNames(), policy)) {
        try (Progress progress = Progress.start("simulate " + model.id(), count, display.showProgress())) {
          SimulationOptions options = SimulationOptions.defaults()
              .withThreads(threadCount)
              .withPolicy(policy)
              .withListener(progress::stepTo);
          SimulationRunner runner = new SimulationRunner(options);
          if (onSpark) {
            try (SparkCampaignExecutor spark = SparkCampaignExecutor.start(master, common.pluginDirectories(),
                connectTimeout)) {
              where = spark.description();
              SimulationStore campaign = sparkCampaign(model);
              campaign.simulate(spark, e -> out.println("store: " + e), progress::stepTo);
              writeChunks(campaign, policy, csv);
            }
          } else if (store != null) {
            SimulationStore campaign = campaign(model);
            campaign.simulate(new LocalCampaignExecutor(options), e -> out.println("store: " + e), progress::stepTo);
            writeChunks(campaign, policy, csv);
          } else if (theta != null) {
            csv.accept(runner.runFor(model, theta, seeds.seed));
          } else {
            runner.runInBlocks(model, numSimulations, seeds.seed, SimulationRunner.blockSizeFor(model), csv);
          }
        }
        csv.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s of %s in %.2f s on %s; wrote %s%n", csv.summary(), model.id(), seconds,
            where, output != null ? output + (store != null ? " and " + store : "") : store);
        if (csv.invalidCount() > 0 && output != null) {
          out.printf(Locale.ROOT, "%d invalid simulations (index, theta, reason) listed in %s%n",
              csv.invalidCount(), csv.invalidFile());
        }
      }
    }
    return 0;
  }

  private void checkStoreArguments() {
    if (output == null && store == null) {
      throw new IllegalArgumentException("--output or --store: expected at least one place to write the "
          + "simulations, got neither");
    }
    if (resume && store == null) {
      throw new IllegalArgumentException("--resume: expected --store DIR, the campaign to continue");
    }
    if (store != null && parameters != null) {
      throw new IllegalArgumentException("--store: campaigns draw θ from the prior; leave out --parameters");
    }
    if (connectTimeout <= 0) {
      throw new IllegalArgumentException("--connect-timeout: expected a positive number of seconds, got "
          + connectTimeout);
    }
    Limits.positive("--chunk-size", chunkSize);
  }

  /**
   * Checks the executor options; true for Spark. Spark runs the campaign machinery: without --store the chunks go
   * to a temporary store that is removed once the CSV is written.
   */
  private boolean checkExecutorArguments() {
    switch (executor) {
      case "local" -> {
        if (master != null) {
          throw new IllegalArgumentException("--master: applies to --executor spark; add it, or drop --master");
        }
        return false;
      }
      case "spark" -> {
        if (surrogate != null || parameters != null) {
          throw new IllegalArgumentException("--executor spark: simulates a plugin model's campaign with θ from "
              + "the prior; leave out " + (surrogate != null ? "--surrogate" : "--parameters"));
        }
        if (threads != null) {
          throw new IllegalArgumentException("--threads: applies to --executor local; Spark runs one chunk per "
              + "executor core (set cores with --master local[N] or your cluster's settings)");
        }
        return true;
      }
      default -> throw new IllegalArgumentException("--executor: expected 'local' or 'spark', got '" + executor
          + "'");
    }
  }

  private SimulationStore sparkCampaign(Model model) throws IOException {
    if (store != null) {
      return campaign(model);
    }
    Path temporary = Files.createTempDirectory("jsbi-campaign");
    temporaryStore = temporary;
    return SimulationStore.create(temporary, model, numSimulations, seeds.seed, chunkSize);
  }

  private SimulationStore campaign(Model model) throws IOException {
    if (!resume) {
      if (Files.isDirectory(store) && !FileTrees.isEmpty(store)) {
        throw new IllegalArgumentException("--store: '" + store + "' already exists; add --resume to continue the "
            + "campaign in it, or choose a new directory");
      }
      return SimulationStore.create("--store", store, model, numSimulations, seeds.seed, chunkSize);
    }
    if (!SimulationStore.isCampaign(store)) {
      throw new IllegalArgumentException("--store: '" + store + "' is not a simulation campaign (it has no "
          + "campaign.properties); start one without --resume");
    }
    SimulationStore s = SimulationStore.open("--store", store, model);
    if (s.numSimulations() != numSimulations || s.seed() != seeds.seed) {
      throw new IllegalArgumentException("--resume: the campaign in '" + store + "' has " + s.numSimulations()
          + " simulations and seed " + s.seed() + ", but --num-simulations " + numSimulations + " and --seed "
          + seeds.seed + " were given; pass the campaign's own values");
    }
    return s;
  }

  private Batch readParameters(Model model) throws IOException {
    return csv.read("--parameters", parameters).parameters(model);
  }

  private static InvalidPolicy parsePolicy(String value) {
    try {
      return InvalidPolicy.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--invalid: expected 'exclude' or 'keep', got '" + value + "'");
    }
  }

  /** The campaign's chunks, in order, to the CSV; a chunk that went missing since is refused with CLI advice. */
  private static void writeChunks(SimulationStore campaign, InvalidPolicy policy, SimulationSink csv)
      throws IOException {
    try {
      campaign.forEachChunk(policy, csv);
    } catch (SimulationStore.MissingChunkException e) {
      throw new IllegalStateException(e.what() + "; run the same command with --resume to simulate it again");
    }
  }
}
