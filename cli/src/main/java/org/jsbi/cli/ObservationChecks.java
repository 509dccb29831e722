package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.McmcSampled;
import org.jsbi.inference.checks.CalibratedPredictiveCheck;
import org.jsbi.inference.checks.CheckResult;
import org.jsbi.inference.checks.EvidenceCheck;
import org.jsbi.inference.checks.Mmd;
import org.jsbi.inference.checks.PredictiveCheck;
import org.jsbi.inference.checks.Typicality;
import org.jsbi.inference.checks.Verdicts;
import org.jsbi.inference.LearnedLikelihood;
import org.jsbi.plugins.Registry;

/** The per-observation checks that {@code jsbi check} and {@code jsbi run} share, with their table and JSON. */
final class ObservationChecks {
  /**
   * What the checks found.
   *
   * @param quantiles per observation, the posterior predictive quantiles per data dimension (null if not run)
   * @param notes per observation, checks that could not run and why
   * @param batch the MMD test of all observations together, or null for one observation
   */
  record Outcome(List<Verdicts.Report> reports, List<double[]> quantiles, List<List<String>> notes,
      CheckResult batch) {}

  private ObservationChecks() {}

  /**
   * @param embeddingSpace also run the MMD test on the NPE estimator's learned embedding of x; null means "when
   *     the estimator has one", true insists on it
   */
  static Outcome run(Registry registry, TrainedPosterior posterior, Batch observations, int numSimulations,
      int numSamples, long seed, Boolean embeddingSpace) {
    Model model = posterior.model();
    DataFeatures features = posterior.as(DataFeatures.class).orElse(null);
    boolean embedded = features != null;
    if (Boolean.TRUE.equals(embeddingSpace) && !embedded) {
      throw new IllegalArgumentException("--embedding-space: this posterior has no embedding network (it is "
          + posterior.method() + " with " + posterior.estimator().kind() + "); train an NPE posterior with "
          + "--embedding-dim D, or leave out --embedding-space");
    }
    boolean useEmbedding = embedded && !Boolean.FALSE.equals(embeddingSpace);
    Batch reference = new SimulationRunner(SimulationOptions.defaults()).run(model, numSimulations, seed).x();
    Batch forMmd = reference.selectRows(IntStream.range(0, Math.min(1000, reference.rows())).toArray());
    List<List<CheckResult>> results = new ArrayList<>();
    List<double[]> quantiles = new ArrayList<>();
    List<List<String>> notes = new ArrayList<>();
    try (Typicality typicality = Typicality.fit(reference, registry.estimator("maf"), seed)) {
      EvidenceCheck evidence = posterior.as(LearnedLikelihood.class).map(l -> EvidenceCheck.fit(l.likelihood(),
          model.prior(), forMmd.selectRows(IntStream.range(0, Math.min(200, forMmd.rows())).toArray()), seed))
          .orElse(null);
      // A posterior sampled directly for any x (NPE) has its posterior predictive p-value calibrated on up to 200
      // reference data sets; one sampled by MCMC (NLE) would need an MCMC run for each, and the raw (conservative)
      // p-value is reported.
      int calibration = Math.min(200, reference.rows() / 2);
      CalibratedPredictiveCheck calibrated = posterior.as(McmcSampled.class).isEmpty()
          ? CalibratedPredictiveCheck.fit(model, posterior, reference.selectRows(IntStream.range(
              reference.rows() - calibration, reference.rows()).toArray()), numSamples, seed) : null;
      for (int k = 0; k < observations.rows(); k++) {
        double[] xo = observations.row(k);
        List<CheckResult> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        checks.add(Mmd.test(Batch.wrap(1, xo.length, xo.clone()), forMmd, seed + k));
        if (useEmbedding) {
          CheckResult e = Mmd.test(features.features(Batch.wrap(1, xo.length, xo.clone())),
              features.features(forMmd), seed + k);
          checks.add(new CheckResult("mmd-embedding", e.statistic(), e.pValue(), e.detail()
              + ", in the estimator's learned embedding of x"));
        }
        checks.add(typicality.test(xo));
        if (evidence != null) {
          checks.add(evidence.test(xo));
        }
        Batch prior = model.prior().sample(numSamples, new RandomStreams(seed + k).single(RandomStreams.Purpose.PRIOR));
        checks.add(PredictiveCheck.run("prior-predictive", model, prior, xo, seed + k).result());
        double[] q = null;
        try {
          PredictiveCheck.Outcome ppc = calibrated != null ? calibrated.test(xo)
              : PredictiveCheck.run("posterior-predictive", model, posterior.sample(numSamples, xo, seed + k)
                  .samples(), xo, seed + k);
          checks.add(ppc.result());
          q = ppc.quantiles();
        } catch (IllegalStateException e) {
          // An observation far outside the model's range can leave NPE's posterior almost all outside the prior.
          skipped.add("posterior predictive check not run: " + e.getMessage());
        }
        results.add(checks);
        quantiles.add(q);
        notes.add(skipped);
      }
    }
    CheckResult batch = observations.rows() > 1 ? Mmd.test(observations, forMmd, seed) : null;
    return new Outcome(Verdicts.judge(results), quantiles, notes, batch);
  }

  static void print(PrintWriter out, Outcome o) {
    out.printf(Locale.ROOT, "%-12s %-21s %12s %9s%n", "observation", "check", "statistic", "p-value");
    for (Verdicts.Report r : o.reports()) {
      for (CheckResult c : r.checks()) {
        out.printf(Locale.ROOT, "%-12d %-21s %12.4g %9.4f%n", r.observation(), c.name(), c.statistic(), c.pValue());
      }
      for (String note : o.notes().get(r.observation() - 1)) {
        out.printf(Locale.ROOT, "observation %d: %s%n", r.observation(), note);
      }
      out.printf(Locale.ROOT, "observation %d: %s (adjusted p %.4f): %s%n", r.observation(), r.verdict().id(),
          r.adjustedPValue(), r.verdict().inWords());
    }
    if (o.batch() != null) {
      out.printf(Locale.ROOT, "all observations together: MMD p-value %.4f (%s)%n", o.batch().pValue(),
          o.batch().detail());
    }
  }

  static ObjectNode toJson(Outcome o, Model model) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", model.id());
    root.put("suspiciousBelow", Verdicts.SUSPICIOUS_BELOW);
    root.put("misspecifiedBelow", Verdicts.MISSPECIFIED_BELOW);
    ArrayNode list = root.putArray("observations");
    for (Verdicts.Report r : o.reports()) {
      ObjectNode obs = list.addObject();
      obs.put("observation", r.observation());
      obs.put("verdict", r.verdict().id());
      obs.put("inWords", r.verdict().inWords());
      obs.put("adjustedPValue", r.adjustedPValue());
      ArrayNode checks = obs.putArray("checks");
      for (CheckResult c : r.checks()) {
        checks.addObject().put("name", c.name()).put("statistic", c.statistic()).put("pValue", c.pValue())
            .put("detail", c.detail());
      }
      o.notes().get(r.observation() - 1).forEach(obs.putArray("notes")::add);
    }
    if (o.batch() != null) {
      root.putObject("batch").put("name", o.batch().name()).put("statistic", o.batch().statistic())
          .put("pValue", o.batch().pValue()).put("detail", o.batch().detail());
    }
    return root;
  }
}
