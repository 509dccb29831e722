package org.jsbi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.io.AtomicFiles;
import org.jsbi.api.io.FileTrees;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplerDiagnostics;
import org.jsbi.inference.checks.CheckOutcome;

/** The files of {@code jsbi run} other than plots: samples.csv, the calibration part of checks.json, report.html. */
final class RunFiles {
  private RunFiles() {}

  /**
   * Empties a run directory for {@code run --force}; refuses a non-empty directory that is not a jsbi run
   * directory (no run.json or report.html), so --force never deletes a user's other files.
   */
  static void clear(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> list = Files.list(dir)) {
      if (list.findAny().isEmpty()) {
        return;
      }
    }
    if (!Files.exists(dir.resolve(RunState.FILE)) && !Files.exists(dir.resolve("report.html"))) {
      throw new IllegalArgumentException("--force: '" + dir + "' is not a jsbi run directory (it has no "
          + RunState.FILE + "); --force replaces only a run, so choose a new --output");
    }
    FileTrees.deleteContents(dir);
  }

  static Path samples(Path dir, List<String> names, Batch samples) throws IOException {
    return samples(dir, "samples.csv", names, samples);
  }

  /** {@code samples} as {@code dir/name}: a header of parameter names, one row per draw; written atomically. */
  static Path samples(Path dir, String name, List<String> names, Batch samples) throws IOException {
    Path file = dir.resolve(name);
    AtomicFiles.write(file, w -> {
      w.write(String.join(",", names) + "\n");
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < samples.rows(); i++) {
        line.setLength(0);
        for (int j = 0; j < samples.cols(); j++) {
          line.append(j == 0 ? "" : ",").append(samples.get(i, j));
        }
        w.write(line.append('\n').toString());
      }
    });
    return file;
  }

  /**
   * The observation as its shape reads: a vector value by value; a set trial by trial (its N rows, not the padding);
   * a sequence or an image by each channel's range, its values being drawn in the predictive plot.
   */
  private static void observation(RunReport page, Model model, double[] xo) {
    DataShape shape = model.dataShape();
    List<String> channels = model.channelNames();
    switch (shape.kind()) {
      case VECTOR -> {
        Map<String, String> obs = new LinkedHashMap<>();
        for (int j = 0; j < xo.length; j++) {
          obs.put(model.dataNames().get(j), Double.toString(xo[j]));
        }
        page.facts(obs);
      }
      case TRIALS -> {
        int n = shape.trialCount(xo);
        List<String> header = new ArrayList<>(List.of("trial"));
        header.addAll(channels);
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(k + 1)));
          for (int c = 0; c < channels.size(); c++) {
            row.add(Double.toString(xo[1 + k * channels.size() + c]));
          }
          rows.add(row);
        }
        page.paragraph(n + " trial" + (n == 1 ? "" : "s") + ":").table(header, rows);
      }
      default -> {
        Map<String, String> obs = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          double sum = 0;
          int count = 0;
          for (int j = c; j < xo.length; j += channels.size()) {
            lo = Math.min(lo, xo[j]);
            hi = Math.max(hi, xo[j]);
            sum += xo[j];
            count++;
          }
          obs.put(channels.get(c), String.format(java.util.Locale.ROOT, "%d values from %.4g to %.4g, mean %.4g",
              count, lo, hi, sum / count));
        }
        page.paragraph(shape.describe() + "; every value is drawn in the predictive plot below.").facts(obs);
      }
    }
  }

  /** The plots a report embeds besides calibration's: ppc is null without one. */
  record Plots(Path pair, Path training, Path ppc) {}

  static Path report(Path dir, Model model, Map<String, String> settings, Map<String, String> timings, double[] xo,
      PosteriorSamples samples, double[] map, CheckOutcome checks, RunCalibration calibration, Plots plots,
      List<Path> files, List<String> names) throws IOException {
    RunReport page = new RunReport(model);
    Map<String, String> modelFacts = new LinkedHashMap<>();
    modelFacts.put("id", model.id());
    modelFacts.put("prior", model.prior().describe());
    modelFacts.put("parameters", String.join(", ", model.parameterNames()));
    DataShape shape = model.dataShape();
    modelFacts.put("data", shape.kind() == DataShape.Kind.VECTOR ? String.join(", ", model.dataNames())
        : shape.describe() + ": " + String.join(", ", model.channelNames()) + " (columns " + model.dataNames().get(0)
            + ", …, " + model.dataNames().get(model.dataNames().size() - 1) + ")");
    page.heading("Model").facts(modelFacts).heading("Settings").facts(settings).heading("Timings").facts(timings);
    page.heading("Observation");
    observation(page, model, xo);
    page.heading("Posterior").posteriorSummary(samples.samples(), names, map,
        samples.sampler().map(SamplerDiagnostics::modes).orElse(List.of()));
    if (!samples.diagnostics().isEmpty()) {
      page.sampler(samples.diagnostics());
    }
    page.image(plots.pair(), "pair plot of the posterior samples");
    page.heading("Can the model explain the observation?").checks(checks.reports().get(0), checks.notes().get(0),
        samples.sampler().map(d -> !d.warnings().isEmpty()).orElse(false));
    if (plots.ppc() != null) {
      page.image(plots.ppc(), "posterior predictive quantiles of the observation");
    }
    page.heading("Is the posterior calibrated?");
    if (calibration.result() != null) {
      page.calibration(calibration.result(), names);
    } else {
      page.paragraph(calibration.notRun());
    }
    for (Path png : calibration.plots()) {
      if (png.getFileName().toString().equals("lc2st.png")) {
        page.heading("Is it right at this observation?").localC2st(calibration.local());
      }
      page.image(png, png.getFileName().toString());
    }
    page.heading("Training").image(plots.training(), "training and validation loss per epoch");
    List<String> written = new java.util.ArrayList<>(files.stream().filter(f -> !Files.isDirectory(f))
        .map(f -> dir.relativize(f).toString()).toList());
    written.addAll(List.of("posterior/", "report.html", RunState.FILE));
    page.heading("Files").links(written.stream().distinct().toList());
    Path file = dir.resolve("report.html");
    AtomicFiles.write(file, w -> w.write(page.html()));
    return file;
  }
}
