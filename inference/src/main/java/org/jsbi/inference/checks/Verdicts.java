package org.jsbi.inference.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns check p-values into verdicts. Within one observation the checks' smallest p-value is Bonferroni-corrected
 * for the number of checks; across a batch of observations those are adjusted with Benjamini–Hochberg (false
 * discovery rate). Adjusted p below 0.01: {@code misspecified}; below 0.05: {@code suspicious}; else {@code ok}.
 */
public final class Verdicts {
  public static final double SUSPICIOUS_BELOW = 0.05;
  public static final double MISSPECIFIED_BELOW = 0.01;

  /** What a scientist should conclude. */
  public enum Verdict {
    OK("the model explains this observation"),
    SUSPICIOUS("the observation is unusual for the model: look closer"),
    MISSPECIFIED("the model cannot explain this observation: do not trust the posterior for it");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    public String inWords() {
      return words;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Verdict of(double adjustedP) {
      return adjustedP < MISSPECIFIED_BELOW ? MISSPECIFIED : adjustedP < SUSPICIOUS_BELOW ? SUSPICIOUS : OK;
    }
  }

  /**
   * The report for one observation.
   *
   * @param observation 1-based row of the observation file
   * @param adjustedPValue the smallest p-value, corrected within the observation and across the batch
   */
  public record Report(int observation, List<CheckResult> checks, double adjustedPValue, Verdict verdict) {}

  private Verdicts() {}

  /** One report per observation, in order. */
  public static List<Report> judge(List<List<CheckResult>> perObservation) {
    int m = perObservation.size();
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      List<CheckResult> checks = perObservation.get(i);
      double min = checks.stream().mapToDouble(CheckResult::pValue).min().orElse(1);
      p[i] = Math.min(1, min * checks.size());
    }
    double[] q = benjaminiHochberg(p);
    List<Report> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      out.add(new Report(i + 1, List.copyOf(perObservation.get(i)), q[i], Verdict.of(q[i])));
    }
    return out;
  }

  /** Benjamini–Hochberg adjusted p-values (q-values), in the input's order. */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] q = new double[m];
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      int i = order[r];
      running = Math.min(running, p[i] * m / (r + 1));
      q[i] = Math.min(1, running);
    }
    return q;
  }
}
