package org.jsbi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.inference.checks.C2st;
import java.util.Arrays;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.McmcSampled;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsbi bench}: the sbibm protocol (../shared/BENCHMARK.md). For each task and budget: simulate and train with
 * defaults; then for each observation draw 10,000 posterior samples and score C2ST against 10,000 reference samples.
 * For NLE the samples come from MCMC, and the row adds the minimum effective sample size and maximum R-hat.
 *
 * <p>NPE and NLE are amortized, so by default one trained estimator per task and budget serves every observation (its training time
 * is repeated on each row). {@code --retrain-per-observation} trains afresh for each observation, as sbibm's runs
 * did; both estimate the same expected C2ST per observation.
 *
 * <p>An observation whose sampling fails (the MCMC time cap, or NPE's acceptance caps) keeps its row, without a C2ST;
 * the error is printed, the run goes on with the other observations, and the command exits with 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi bench --tasks two-moons,slcp --budgets 1000,10000 --observations 1-10 --output bench.csv",
    description = {"Benchmark a method on sbibm tasks: C2ST against reference posteriors, with the time of each phase.",
        "--output gets one row per task, budget and observation."})
final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;
  @Mixin McmcOptions mcmc;
  @Spec CommandSpec spec;

  @Option(names = "--method", defaultValue = "npe", paramLabel = "METHOD",
      description = "Inference method (default ${DEFAULT-VALUE}; 'jsbi methods' lists them).")
  String method;

  @Option(names = "--tasks", required = true, paramLabel = "T1,T2,...",
      description = "Model ids, separated by commas.")
  String taskList;

  @Option(names = "--budgets", required = true, paramLabel = "N1,N2,...",
      description = "Simulation budgets, separated by commas.")
  String budgetList;

  private List<String> tasks;
  private List<Integer> budgets;

  @Option(names = "--observations", defaultValue = "1-10", paramLabel = "A-B",
      description = "Observation numbers, as a range A-B or a list 1,3,5 (default ${DEFAULT-VALUE}).")
  String observations;

  @Option(names = "--reference-dir", paramLabel = "DIR", description = "sbibm reference data (folders per task, "
      + "e.g. two_moons/num_observation_1). Without it, tasks with an exact sampler use that.")
  Path referenceDir;

  @Mixin SeedOption seeds;

  @Option(names = "--num-samples", defaultValue = "10000", paramLabel = "N",
      description = "Posterior and reference samples compared by C2ST (default ${DEFAULT-VALUE}, as in sbibm).")
  int samples;

  @Mixin CsvOutputOption csvOutput;

  @Option(names = "--samples-dir", paramLabel = "DIR", description = "Also write, for every row, the posterior "
      + "samples scored and the reference samples they were scored against (TASK_BUDGET_OBSERVATION_samples.csv and "
      + "_reference.csv), so that anyone can check the C2ST.")
  Path samplesDir;

  @Option(names = "--retrain-per-observation", description = "Simulate and train anew for every observation, as "
      + "sbibm did, instead of one amortized posterior per task and budget.")
  boolean retrain;

  private static final String HEADER =
      "task,budget,observation,c2st,simulate_s,train_s,sample_s,epochs,seed,min_ess,max_rhat,support_leak,finish_from";

  @Override
  public Integer call() throws Exception {
    List<Integer> obs = parseObservations(observations);
    Limits.atLeast("--num-samples", samples, 100, "samples for C2ST");
    tasks = List.of(taskList.split(",", -1)).stream().map(String::strip).toList();
    budgets = new java.util.ArrayList<>();
    for (String b : budgetList.split(",", -1)) {
      try {
        budgets.add(Integer.parseInt(b.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--budgets: expected whole numbers separated by commas, got '" + b + "'");
      }
    }
    for (int b : budgets) {
      if (b < 20) {
        throw new IllegalArgumentException("--budgets: expected budgets of at least 20 simulations, got " + b);
      }
    }
    Path output = csvOutput.checked();
    if (samplesDir != null) {
      AtomicFiles.checkWritable("--samples-dir", samplesDir.resolve("check"));
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (Registry registry = common.registry()) {
      InferenceMethod inference = training.method(registry, method);
      List<Model> models = tasks.stream().map(registry::model).toList();
      List<EstimatorFactory> factories = new ArrayList<>();
      for (Model m : models) {
        factories.add(training.factory(registry, m));
      }
      // every task's references are found (or refused) before the first one trains
      List<References> references = models.stream().map(m -> new References(referenceDir, m)).toList();
      out.println(HEADER);
      for (int t = 0; t < models.size(); t++) {
        Model model = models.get(t);
        References refs = references.get(t);
        for (int budget : budgets) {
          List<List<Integer>> groups = retrain ? obs.stream().map(List::of).toList() : List.of(obs);
          for (List<Integer> group : groups) {
            // One seed per trained posterior: the observation number joins it only when retraining per observation.
            long trainSeed = seeds.seed * 1_000_003L + budget * 101L + (retrain ? group.get(0) : 0);
            run(inference, model, factories.get(t), refs, budget, group, trainSeed, failures, row -> {
              rows.add(row);
              out.println(row);
              out.flush();
              AtomicFiles.write(output, w -> {
                w.write(HEADER + "\n");
                for (String r : rows) {
                  w.write(r + "\n");
                }
              });
            });
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("jsbi: " + failures.size() + " of " + rows.size() + " runs could not sample (" + String.join("; ",
          failures) + "); their rows in " + output + " have no C2ST");
      return Jsbi.EXIT_FAILURE;
    }
    return 0;
  }

  private interface RowSink {
    void accept(String row) throws java.io.IOException;
  }

  /** Simulates and trains once, then scores each observation of {@code group}; rows carry the training seed. */
  private void run(InferenceMethod inference, Model model, EstimatorFactory factory, References refs, int budget,
      List<Integer> group, long trainSeed, List<String> failures, RowSink sink) throws Exception {
    long t0 = System.nanoTime();
    SimulationSet sims = new SimulationRunner(SimulationOptions.defaults()).run(model, budget, trainSeed);
    long t1 = System.nanoTime();
    TrainingConfig config = training.config(TrainingConfig.defaults(trainSeed));
    try (TrainedPosterior trained = training.train(inference, model, factory, sims, config,
        TrainingListener.NONE)) {
      TrainedPosterior posterior = mcmc.apply(trained);
      long t2 = System.nanoTime();
      var history = posterior.estimator().history();
      int epochs = history.epochCount();
      // q's mass outside the prior's box at the first plateau, and the truncated finish's first epoch (NPE, box).
      String leak = Double.isNaN(history.supportLeak()) ? ","
          : String.format(Locale.ROOT, "%.4f,%d", history.supportLeak(), history.finishFrom());
      for (int k : group) {
        References.Case ref = refs.load(k, samples);
        long sampleSeed = retrain ? trainSeed : trainSeed + k; // retraining: as before amortized runs existed
        long s0 = System.nanoTime();
        String mcmc = ",";
        String c2st = "";
        long s1;
        try {
          PosteriorSamples s;
          McmcSampled sampled = posterior.as(McmcSampled.class).orElse(null);
          if (sampled != null) {
            McmcResult r = sampled.mcmc(samples, Batch.wrap(1, ref.observation().length, ref.observation()), sampleSeed);
            s = new PosteriorSamples(r.samples(), samples, r.seconds());
            mcmc = String.format(Locale.ROOT, "%.0f,%.4f", Arrays.stream(r.ess()).min().orElse(Double.NaN),
                Arrays.stream(r.rHat()).max().orElse(Double.NaN));
          } else {
            s = posterior.sample(samples, ref.observation(), sampleSeed);
          }
          s1 = System.nanoTime();
          c2st = String.format(Locale.ROOT, "%.4f", C2st.score(s.samples(), ref.samples(), sampleSeed));
          if (samplesDir != null) {
            String stem = model.id() + "_" + budget + "_" + k + "_";
            RunFiles.samples(samplesDir, stem + "samples.csv", model.parameterNames(), s.samples());
            RunFiles.samples(samplesDir, stem + "reference.csv", model.parameterNames(), ref.samples());
          }
        } catch (IllegalStateException e) {
          s1 = System.nanoTime();
          // A time cap or a tiny acceptance rate on one observation: keep its row, say why, and go on with the rest.
          failures.add(model.id() + " at " + budget + ", observation " + k);
          spec.commandLine().getErr().println("jsbi: " + failures.get(failures.size() - 1) + ": " + e.getMessage());
        }
        sink.accept(String.format(Locale.ROOT, "%s,%d,%d,%s,%.2f,%.2f,%.2f,%d,%d,%s,%s", model.id(), budget, k,
            c2st, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (s1 - s0) / 1e9, epochs, trainSeed, mcmc, leak));
      }
    }
  }

  static List<Integer> parseObservations(String spec) {
    List<Integer> out = new ArrayList<>();
    try {
      for (String part : spec.split(",")) {
        String[] range = part.strip().split("-");
        int from = Integer.parseInt(range[0].strip());
        int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
        for (int k = from; k <= to; k++) {
          out.add(k);
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--observations: expected a range like 1-10 or a list like 1,3, got '"
          + spec + "'");
    }
    if (out.isEmpty() || out.stream().anyMatch(k -> k < 1)) {
      throw new IllegalArgumentException("--observations: expected positive observation numbers, got '" + spec + "'");
    }
    return out;
  }

  /** Observations and reference samples: from an sbibm directory, or from the model's exact sampler. */
  static final class References {
    record Case(double[] observation, Batch samples) {}

    private final Path dir;
    private final Model model;

    References(Path root, Model model) {
      this.model = model;
      this.dir = root == null ? null : root.resolve(model.id().replace('-', '_'));
      if (dir == null && model.referencePosterior().isEmpty()) {
        throw new IllegalArgumentException("--reference-dir: task '" + model.id() + "' has no exact reference "
            + "sampler; pass --reference-dir with sbibm's reference samples");
      }
      if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--reference-dir: expected a folder '" + dir + "' for task '"
            + model.id() + "', but it does not exist" + (model.referencePosterior().isPresent()
                ? "; or bench this task in a run without --reference-dir, against its exact reference sampler" : ""));
      }
    }

    Case load(int k, int n) throws java.io.IOException {
      if (dir != null) {
        Path folder = dir.resolve("num_observation_" + k);
        CsvTable observation = CsvTable.read("--reference-dir", folder.resolve("observation.csv"));
        double[] xo = observation.oneRow(observation.data(model));
        Batch all = CsvTable.read("--reference-dir", folder.resolve("reference_posterior_samples.csv"))
            .parameters(model);
        int[] first = java.util.stream.IntStream.range(0, Math.min(n, all.rows())).toArray();
        return new Case(xo, all.selectRows(first));
      }
      var streams = new org.jsbi.api.RandomStreams(0xBE7C4L + k);
      double[] theta = model.prior().sample(streams.stream(0, org.jsbi.api.RandomStreams.Purpose.PRIOR));
      double[] xo = model.simulator().simulate(theta, streams.stream(0, org.jsbi.api.RandomStreams.Purpose.SIMULATOR));
      Batch reference = model.referencePosterior().orElseThrow().sample(n, xo,
          streams.single(org.jsbi.api.RandomStreams.Purpose.SAMPLER));
      return new Case(xo, reference);
    }
  }
}
