package org.jsbi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsbi.api.Batch;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.ImportanceSampling;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsbi sample}: posterior samples for one or more observations from a saved posterior. */
@Command(name = "sample", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = "  jsbi sample --posterior posterior/ --observation obs.csv --num-samples 10000 --output samples.csv",
    description = {"Draw posterior samples for each observation in a CSV file from a posterior saved by 'jsbi train'.",
        "--output gets a header of parameter names (after an 'observation' column when there are several), then one "
            + "row per sample."})
final class SampleCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ProgressOptions display;
  @Mixin McmcOptions mcmc;
  @Mixin CsvOptions csv;
  @Spec CommandSpec spec;

  @Option(names = "--posterior", required = true, paramLabel = "DIR", description = "Directory from 'jsbi train'.")
  Path posteriorDir;

  @Option(names = "--observation", required = true, paramLabel = "FILE.csv",
      description = "Observations: a header row, then one row of data values per observation (per trial with "
          + "--trials).")
  Path observation;

  @Option(names = "--num-samples", required = true, paramLabel = "N", description = "Samples per observation.")
  int numSamples;

  @Mixin SeedOption seeds;

  @Mixin CsvOutputOption csvOutput;

  @Option(names = "--trials", description = "NLE only: the rows of --observation are i.i.d. trials of one θ. Draw "
      + "from the one posterior given all of them (their log-likelihoods summed) instead of one per row.")
  boolean trials;

  @Option(names = "--proposal", paramLabel = "DIR", description = "Draw by importance sampling instead: proposals "
      + "from the NPE posterior saved in DIR, or from the model's prior for the word 'prior' (a directory so named "
      + "is ./prior), reweighted by --posterior's density (e.g. NLE's likelihood or NRE's ratio times the prior), "
      + "each draw picked among " + ImportanceSampling.DEFAULT_OVERSAMPLING + " proposals; reports the weights' "
      + "effective sample size.")
  Path proposalDir;

  @Option(names = "--diagnostics", paramLabel = "FILE.json", description = "Also write how the sampler fared "
      + "for each observation as JSON: for MCMC the effective sample size, R-hat, the chains' groups, the draws' "
      + "separated modes with their shares and centers, and the warnings; for importance sampling the weights' "
      + "effective sample size.")
  Path diagnostics;

  @Option(names = "--estimator-option", paramLabel = "NAME=VALUE", description = "Draw with another value of "
      + "one of the trained estimator's sampling options, which leave its weights as they are (e.g. tolerance=1e-4 "
      + "or steps=10 for fmpe and npse, sampler=sde for npse; 'jsbi estimators' lists the options); repeat for "
      + "several.")
  Map<String, String> samplingOptions = new java.util.LinkedHashMap<>();

  private static final int LISTED = 5;

  @Override
  public Integer call() throws Exception {
    Limits.positive("--num-samples", numSamples);
    Path output = csvOutput.checked();
    if (diagnostics != null) {
      AtomicFiles.checkWritable("--diagnostics", diagnostics);
    }
    CsvTable obs = csv.read("--observation", observation);
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = common.registryFor("--posterior", posteriorDir);
        TrainedPosterior loaded = PosteriorStore.load("--posterior", posteriorDir, registry, samplingOptions,
            "--estimator-option")) {
      TrainedPosterior posterior = mcmc.apply(loaded);
      Batch x = obs.data(posterior.model());
      Focused focused = posterior.as(Focused.class).orElse(null);
      for (int k = 0; focused != null && k < x.rows(); k++) {
        if (!focused.isFor(x.row(k))) {
          throw new IllegalArgumentException("--observation: row " + (k + 1) + " is not the observation this "
              + "posterior was trained for, " + java.util.Arrays.toString(focused.observation()) + "; it answers "
              + "only that one: train a posterior for this observation");
        }
      }
      Limits.checkArray("--num-samples", numSamples, posterior.parameterNames().size(), "parameters");
      McmcSampled sampled = posterior.as(McmcSampled.class).orElse(null);
      if (trials && sampled == null) {
        throw new IllegalArgumentException("--trials: expected an NLE posterior, got " + posterior.method()
            + " in " + posteriorDir + "; NPE's q(θ | x) takes one observation, so train with --method nle to "
            + "combine i.i.d. trials");
      }
      if (proposalDir != null) {
        if (trials) {
          throw new IllegalArgumentException("--proposal and --trials: expected at most one of them; importance "
              + "sampling takes one observation per row");
        }
        List<PosteriorSamples> weighted = importanceSamples(registry, loaded, x);
        write(output, posterior, weighted);
        writeDiagnostics(posterior, weighted);
        report(out, weighted, x.rows());
        out.println("wrote " + output);
        return 0;
      }
      List<PosteriorSamples> samples;
      try (Progress progress = Progress.start(sampled != null ? "MCMC" : "sample", 1,
          display.showProgress())) {
        TrainedPosterior tracked = progress.track(posterior);
        samples = trials
            ? List.of(tracked.as(McmcSampled.class).orElseThrow().sampleTrials(numSamples, x, seeds.seed))
            : tracked.sample(numSamples, x, seeds.seed);
      }
      write(output, posterior, samples);
      writeDiagnostics(posterior, samples);
      report(out, samples, x.rows());
      out.println("wrote " + output);
    }
    return 0;
  }

  private List<PosteriorSamples> importanceSamples(Registry registry, TrainedPosterior target, Batch x)
      throws java.io.IOException {
    if (proposalDir.toString().equals("prior")) {
      List<PosteriorSamples> out = new java.util.ArrayList<>();
      for (int k = 0; k < x.rows(); k++) {
        try {
          out.add(ImportanceSampling.fromPrior(target, numSamples, x.row(k), ImportanceSampling.DEFAULT_OVERSAMPLING,
              seeds.seed + 0x9e3779b97f4a7c15L * k));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(e.getMessage().startsWith("posterior: ") ? "--" + e.getMessage()
              : e.getMessage(), e);
        }
      }
      return out;
    }
    try (TrainedPosterior proposal = PosteriorStore.load("--proposal", proposalDir, registry)) {
      List<PosteriorSamples> out = new java.util.ArrayList<>();
      for (int k = 0; k < x.rows(); k++) {
        out.add(ImportanceSampling.sample(target, proposal, numSamples, x.row(k),
            ImportanceSampling.DEFAULT_OVERSAMPLING, seeds.seed + 0x9e3779b97f4a7c15L * k));
      }
      return out;
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith("proposal: ") || m.startsWith("posterior: ") ? "--" + m : m, e);
    }
  }

  private static void write(Path output, TrainedPosterior posterior, List<PosteriorSamples> samples)
      throws java.io.IOException {
    boolean several = samples.size() > 1;
    AtomicFiles.write(output, w -> {
      w.write((several ? "observation," : "") + String.join(",", posterior.parameterNames()) + "\n");
      StringBuilder line = new StringBuilder();
      for (int k = 0; k < samples.size(); k++) {
        Batch s = samples.get(k).samples();
        for (int i = 0; i < s.rows(); i++) {
          line.setLength(0);
          if (several) {
            line.append(k + 1).append(',');
          }
          for (int j = 0; j < s.cols(); j++) {
            line.append(j == 0 ? "" : ",").append(s.get(i, j));
          }
          w.write(line.append('\n').toString());
        }
      }
    });
  }

  /** Up to {@value #LISTED} observations get a line each; more get one summary line. */
  private void report(PrintWriter out, List<PosteriorSamples> samples, int rows) {
    if (samples.size() <= LISTED) {
      for (int k = 0; k < samples.size(); k++) {
        PosteriorSamples s = samples.get(k);
        String label = trials ? rows + " i.i.d. trial" + (rows == 1 ? "" : "s") : "observation " + (k + 1);
        out.println(label + ": " + describe(s));
      }
      return;
    }
    double seconds = samples.stream().mapToDouble(PosteriorSamples::seconds).sum();
    if (samples.stream().allMatch(s -> s.diagnostics().isEmpty())) {
      double[] rates = samples.stream().mapToDouble(PosteriorSamples::acceptanceRate).sorted().toArray();
      out.printf(Locale.ROOT, "%d observations: %d samples each in %.2f s; acceptance rate min %.3f, median "
          + "%.3f, max %.3f%n", samples.size(), numSamples, seconds, rates[0], rates[rates.length / 2],
          rates[rates.length - 1]);
    } else {
      long warned = samples.stream().filter(s -> s.sampler().map(d -> !d.warnings().isEmpty()).orElse(false))
          .count();
      out.printf(Locale.ROOT, "%d observations: %d samples each in %.2f s; %d with sampler warnings (%s)%n",
          samples.size(), numSamples, seconds, warned, diagnostics != null ? "each one's diagnostics are in "
              + diagnostics : "--diagnostics FILE.json writes each one's diagnostics");
    }
  }

  /** With --diagnostics: {@code [{observation, summary, …}]}, one entry per observation (one with --trials). */
  private void writeDiagnostics(TrainedPosterior posterior, List<PosteriorSamples> samples)
      throws java.io.IOException {
    if (diagnostics == null) {
      return;
    }
    var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    for (int k = 0; k < samples.size(); k++) {
      var entry = array.addObject().put("observation", k + 1);
      entry.setAll(SamplerJson.of(samples.get(k), posterior.parameterNames()));
    }
    AtomicFiles.write(diagnostics, w -> w.write(new com.fasterxml.jackson.databind.ObjectMapper()
        .writerWithDefaultPrettyPrinter().writeValueAsString(array)));
  }

  private static String describe(PosteriorSamples s) {
    return s.diagnostics().isEmpty() ? String.format(Locale.ROOT, "%d samples in %.2f s, acceptance rate %.3f",
        s.samples().rows(), s.seconds(), s.acceptanceRate()) : s.diagnostics();
  }
}
