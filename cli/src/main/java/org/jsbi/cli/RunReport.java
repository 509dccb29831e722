package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.inference.checks.CalibrationResult;
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
        .append(".verdict{font-size:1.2em;font-weight:bold}\n</style>\n</head>\n<body>\n<h1>jsbi run: ")
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

  /** The sampler's diagnostics: its summary line, then each {@code warning:} line as a warning of its own. */
  RunReport sampler(String diagnostics) {
    String[] lines = diagnostics.split("\n");
    paragraph("Sampler: " + lines[0]);
    if (lines.length > 1) {
      html.append("<ul class=\"suspicious\">\n");
      for (int i = 1; i < lines.length; i++) {
        html.append("<li>").append(esc(lines[i].replaceFirst("^warning: ", ""))).append("</li>\n");
      }
      html.append("</ul>\n");
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

  /** Mean, standard deviation and 5/50/95% quantiles of each parameter. */
  RunReport posteriorSummary(Batch samples, List<String> names) {
    html.append("<table>\n<tr><th>parameter</th><th>mean</th><th>sd</th><th>5%</th><th>median</th><th>95%</th>")
        .append("</tr>\n");
    for (int j = 0; j < samples.cols(); j++) {
      double[] v = samples.column(j);
      Arrays.sort(v);
      double m = Arrays.stream(v).average().orElse(Double.NaN);
      double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / Math.max(1, v.length - 1));
      html.append("<tr><td>").append(esc(names.get(j))).append("</td>");
      for (double x : new double[] {m, sd, v[(int) (0.05 * (v.length - 1))], v[(v.length - 1) / 2],
          v[(int) (0.95 * (v.length - 1))]}) {
        html.append("<td>").append(String.format(Locale.ROOT, "%.4g", x)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    return this;
  }

  /** The verdict in words, then each check's statistic and p-value. */
  RunReport checks(Verdicts.Report report, List<String> notes) {
    String id = report.verdict().id();
    html.append("<p class=\"verdict ").append(id).append("\">Verdict: ").append(esc(id)).append(": ")
        .append(esc(report.verdict().inWords())).append("</p>\n");
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
    rows.put("HPD coverage p-value", String.format(Locale.ROOT, "%.4f", r.coveragePValue()));
    rows.put("TARP p-value", String.format(Locale.ROOT, "%.4f", r.tarpPValue()));
    facts(rows);
    return paragraph(r.minPValue() < 0.01
        ? "In words: the posterior is not calibrated (a p-value is below 0.01), so its uncertainty should not be "
            + "trusted; train on more simulations or try another estimator."
        : "In words: no sign of miscalibration over " + r.tests() + " test simulations: the posterior's "
            + "uncertainty matches how often the true parameters fall inside it.");
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
