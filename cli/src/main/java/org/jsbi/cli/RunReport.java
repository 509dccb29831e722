package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.posterior.SamplerDiagnostics;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.checks.CalibrationVerdict;
import org.jsbi.inference.checks.HighestDensity;
import org.jsbi.inference.checks.LocalC2stResult;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.Verdicts;

/** {@code report.html}: one self-contained page (styles inline, images embedded) that a scientist can pass on. */
final class RunReport {
  private final StringBuilder html = new StringBuilder();

  RunReport(Model model) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>jsbi run: ")
        .append(esc(model.id())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:4px 10px;")
        .append("text-align:left}th{background:#f3f3f3}img{max-width:100%;border:1px solid #eee}\n")
        .append(".ok{color:#1a7f37}.suspicious{color:#9a6700}.misspecified{color:#cf222e}")
        .append(".verdict{font-size:1.2em;font-weight:bold}")
        .append(".warning{border-left:5px solid #9a6700;background:#fff8c5;padding:0.2em 1em;margin:1em 0}\n</style>\n</head>\n<body>\n<h1>jsbi run: ")
        .append(esc(model.id())).append("</h1>\n<p>").append(esc(model.description())).append("</p>\n");
  }

  RunReport heading(String text) {
    html.append("<h2>").append(esc(text)).append("</h2>\n");
    return this;
  }

  RunReport paragraph(String text) {
    html.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  /**
   * The sampler's diagnostics: its summary line, then, when it warns, a coloured block with each {@code warning:}
   * line as an item of its own, so that no warning hides in a paragraph.
   */
  RunReport sampler(String diagnostics) {
    String[] lines = diagnostics.split("\n");
    paragraph("Sampler: " + lines[0]);
    if (lines.length > 1) {
      html.append("<div class=\"warning\">\n<p><b>The sampler warns: its draws may not represent the posterior, and "
          + "every check below ran on them.</b></p>\n<ul>\n");
      for (int i = 1; i < lines.length; i++) {
        html.append("<li>").append(esc(lines[i].replaceFirst("^warning: ", ""))).append("</li>\n");
      }
      html.append("</ul>\n</div>\n");
    }
    return this;
  }

  /** A two-column table of names and values, in order. */
  RunReport facts(Map<String, String> rows) {
    html.append("<table>\n");
    rows.forEach((k, v) -> html.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
        .append("</td></tr>\n"));
    html.append("</table>\n");
    return this;
  }

  /** A table with a header row, e.g. a set's trials, one row per trial. */
  RunReport table(List<String> header, List<List<String>> rows) {
    html.append("<table>\n<tr>");
    header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(v -> html.append("<td>").append(esc(v)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    return this;
  }

  /**
   * Per parameter: mean, standard deviation, the MAP's coordinate, median and the 90% highest-density region of the
   * marginal ({@link HighestDensity}). When a region splits or the draws lie in separated modes, a coloured note
   * says so: a mean and a standard deviation then describe no single mode.
   *
   * @param map the maximum a-posteriori point, or null when the posterior could not give one
   * @param modes the draws' separated modes (the sampler's), empty when none were found or none were looked for
   */
  RunReport posteriorSummary(Batch samples, List<String> names, double[] map, List<SamplerDiagnostics.Region> modes) {
    html.append("<table>\n<tr><th>parameter</th><th>mean</th><th>sd</th><th>MAP</th><th>median</th>")
        .append("<th>90% highest-density interval</th></tr>\n");
    List<String> split = new ArrayList<>();
    for (int j = 0; j < samples.cols(); j++) {
      double[] v = samples.column(j);
      Arrays.sort(v);
      double m = Arrays.stream(v).average().orElse(Double.NaN);
      double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / Math.max(1, v.length - 1));
      List<double[]> hpd = HighestDensity.intervals(v, 0.9);
      String intervals = hpd.stream().map(i -> "[" + num(i[0]) + ", " + num(i[1]) + "]")
          .collect(Collectors.joining(" ∪ "));
      if (hpd.size() > 1) {
        split.add(names.get(j) + ": " + intervals);
      }
      html.append("<tr><td>").append(esc(names.get(j))).append("</td>");
      for (String cell : List.of(num(m), num(sd), map == null ? "—" : num(map[j]), num(v[(v.length - 1) / 2]),
          intervals)) {
        html.append("<td>").append(esc(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    if (!split.isEmpty() || modes.size() > 1) {
      StringBuilder note = new StringBuilder("Multimodal posterior: ");
      if (modes.size() > 1) {
        note.append("the draws lie in ").append(modes.size()).append(" separated modes (");
        for (int g = 0; g < modes.size(); g++) {
          note.append(g == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f%%", 100 * modes.get(g).share()))
              .append(" around ").append(Arrays.stream(modes.get(g).center()).mapToObj(RunReport::num)
                  .collect(Collectors.joining(", ", "(", ")")));
        }
        note.append("). ");
      }
      if (!split.isEmpty()) {
        note.append("The 90% highest-density region splits for ").append(String.join("; ", split)).append(". ");
      }
      note.append("A mean and a standard deviation describe no single mode here: read " + (map == null ? ""
          : "the MAP, ") + "the intervals and the pair plot.");
      html.append("<div class=\"warning\"><p>").append(esc(note.toString())).append("</p></div>\n");
    }
    return this;
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  /**
   * The verdict in words, then each check's statistic and p-value. While the sampler warns ({@code samplerWarns}),
   * a verdict of ok is not shown as ok: the checks compared the observation with draws that may be wrong.
   */
  RunReport checks(Verdicts.Report report, List<String> notes, boolean samplerWarns) {
    String id = report.verdict().id();
    if (samplerWarns && report.verdict() == Verdicts.Verdict.OK) {
      html.append("<p class=\"verdict suspicious\">Verdict: unreliable: the checks found nothing against the model, "
          + "but the sampler warns that its draws may not represent the posterior (above): resolve its warnings "
          + "before trusting either.</p>\n");
    } else {
      html.append("<p class=\"verdict ").append(id).append("\">Verdict: ").append(esc(id)).append(": ")
          .append(esc(report.verdict().inWords())).append("</p>\n");
    }
    html.append("<p>Smallest p-value, corrected for the number of checks: ")
        .append(String.format(Locale.ROOT, "%.4f", report.adjustedPValue()))
        .append(" (suspicious below 0.05, misspecified below 0.01).</p>\n");
    html.append("<table>\n<tr><th>check</th><th>statistic</th><th>p-value</th><th>what it compared</th></tr>\n");
    for (CheckResult c : report.checks()) {
      html.append("<tr><td>").append(esc(c.name())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4g", c.statistic())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4f", c.pValue())).append("</td><td>").append(esc(c.detail()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    notes.forEach(this::paragraph);
    return this;
  }

  RunReport calibration(CalibrationResult r, List<String> names) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      rows.put("SBC p-value, " + names.get(j), String.format(Locale.ROOT, "%.4f", r.sbcPValues()[j]));
    }
    rows.put("HPD coverage p-value", r.hasHpd() ? String.format(Locale.ROOT, "%.4f", r.coveragePValue())
        : CalibrationResult.HPD_SKIPPED);
    rows.put("TARP p-value", String.format(Locale.ROOT, "%.4f", r.tarpPValue()));
    facts(rows);
    CalibrationVerdict v = r.verdict();
    String css = v == CalibrationVerdict.CALIBRATED ? "ok" : v == CalibrationVerdict.SUSPICIOUS ? "suspicious"
        : "misspecified";
    html.append("<p class=\"verdict ").append(css).append("\">Calibration: ").append(esc(v.id())).append(": ")
        .append(esc(v.inWords())).append("</p>\n");
    return paragraph("Over " + r.tests() + " test simulations. The rule: " + r.rule() + ".");
  }

  /** L-C2ST's verdict at the observation, in colour, and how to read its plot. */
  RunReport localC2st(LocalC2stResult r) {
    html.append("<p class=\"verdict ").append(r.rejected() ? "suspicious" : "ok").append("\">")
        .append(esc(r.inWords())).append("</p>\n");
    return paragraph("Local C2ST (Linhart et al. 2023): a classifier trained on " + r.simulations() + " simulations "
        + "to tell the posterior's draws from the true parameters, each beside its simulated data, is asked about "
        + "draws at this observation. It answers about ½ when the posterior is right here. The statistic is the mean "
        + "of (probability − ½)²; the p-value is its rank among " + r.nullTrials() + " classifiers trained the same "
        + "way on labels swapped at random. On the left, the red curve stays inside the grey band when the posterior "
        + "is right here; it falls below the band to the right of ½ when the posterior puts mass where the true one "
        + "has little, as an over-confident or shifted posterior does.");
  }

  /** Links to the files beside the page, by their names relative to it. */
  RunReport links(List<String> files) {
    html.append("<ul>\n");
    for (String f : files) {
      html.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a></li>\n");
    }
    html.append("</ul>\n");
    return this;
  }

  /** An image file embedded as a data URI, so the page needs nothing beside it. */
  RunReport image(Path png, String alt) throws IOException {
    html.append("<p><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\"/></p>\n");
    return this;
  }

  String html() {
    return html + "</body>\n</html>\n";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

}
