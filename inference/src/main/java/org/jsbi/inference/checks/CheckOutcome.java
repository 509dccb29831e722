package org.jsbi.inference.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a {@link CheckSuite} found, with its one JSON form ({@link #toJson}), as {@code check.json} and {@code
 * run.json} hold it.
 *
 * @param model the model's id
 * @param reports per observation, its checks and verdict
 * @param quantiles per observation, the posterior predictive quantiles per data dimension (null if not run)
 * @param notes per observation, checks that could not run and why
 * @param batch the MMD test of all observations together, or null for one observation
 * @param bands per observation, the posterior (and prior) predictive quantiles per data dimension (null if not run)
 */
public record CheckOutcome(String model, List<Verdicts.Report> reports, List<double[]> quantiles,
    List<List<String>> notes, CheckResult batch, List<PredictiveBands> bands) {
  /** An outcome without predictive bands. */
  public CheckOutcome(String model, List<Verdicts.Report> reports, List<double[]> quantiles,
      List<List<String>> notes, CheckResult batch) {
    this(model, reports, quantiles, notes, batch, java.util.Collections.nCopies(reports.size(), null));
  }

  /**
   * {@code {model, suspiciousBelow, misspecifiedBelow, observations: [{observation, verdict, inWords,
   * adjustedPValue, checks: [CheckResult], notes: [text]}], batch?: CheckResult}}.
   */
  public ObjectNode toJson() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", model);
    root.put("suspiciousBelow", Verdicts.SUSPICIOUS_BELOW);
    root.put("misspecifiedBelow", Verdicts.MISSPECIFIED_BELOW);
    ArrayNode list = root.putArray("observations");
    for (Verdicts.Report r : reports) {
      ObjectNode obs = list.addObject();
      obs.put("observation", r.observation());
      obs.put("verdict", r.verdict().id());
      obs.put("inWords", r.verdict().inWords());
      obs.put("adjustedPValue", r.adjustedPValue());
      ArrayNode checks = obs.putArray("checks");
      r.checks().forEach(c -> checks.add(c.toJson()));
      notes.get(r.observation() - 1).forEach(obs.putArray("notes")::add);
    }
    if (batch != null) {
      root.set("batch", batch.toJson());
    }
    return root;
  }
}
