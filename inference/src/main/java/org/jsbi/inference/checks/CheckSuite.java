package org.jsbi.inference.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.LearnedLikelihood;
import org.jsbi.inference.McmcSampled;

/**
 * The per-observation checks that apply to a posterior, chosen by its capabilities, prepared once on reference
 * simulations of its model: what {@code jsbi check}, {@code jsbi run} and the checks' validation benchmark run.
 * <ul>
 *   <li>{@code mmd}: the observation against the reference data (any posterior);
 *   <li>{@code mmd-embedding}: the same in the estimator's learned features ({@link DataFeatures});
 *   <li>{@code typicality}: the observation's density under a flow fitted to the reference data (any);
 *   <li>{@code evidence}: its evidence under a learned likelihood ({@link LearnedLikelihood});
 *   <li>{@code prior-predictive} (any);
 *   <li>{@code posterior-predictive}: calibrated on reference data sets for an amortized posterior sampled
 *   directly, raw for one sampled by MCMC ({@link McmcSampled}), where calibrating would need an MCMC run per data
 *   set, and for one trained for a single observation ({@link Focused}), which cannot answer the others.
 * </ul>
 */
public final class CheckSuite implements AutoCloseable {
  private final Model model;
  private final Batch forMmd;
  private final Batch reference;
  private final List<Check> checks;
  private final Typicality typicality;

  private CheckSuite(Model model, Batch forMmd, Batch reference, List<Check> checks, Typicality typicality) {
    this.model = model;
    this.forMmd = forMmd;
    this.reference = reference;
    this.checks = List.copyOf(checks);
    this.typicality = typicality;
  }

  /**
   * The checks that apply to {@code posterior}.
   *
   * @param reference simulated data of the posterior's model: the first 1,000 rows for MMD, all of them for the
   *     typicality flow, the last (up to 200) for the predictive check's calibration
   * @param typicalityFlow the estimator the typicality check fits to the reference data
   * @param embedding the MMD test in the learned embedding of x: null runs it when the posterior has one, true
   *     insists on it, false leaves it out
   * @param numSamples posterior and prior draws per predictive check
   * @throws IllegalArgumentException with embedding true and a posterior without {@link DataFeatures}
   */
  public static CheckSuite of(TrainedPosterior posterior, Batch reference, EstimatorFactory typicalityFlow,
      Boolean embedding, int numSamples, long seed) {
    Model model = posterior.model();
    DataFeatures features = posterior.as(DataFeatures.class).orElse(null);
    if (Boolean.TRUE.equals(embedding) && features == null) {
      throw new IllegalArgumentException("embedding: this posterior has no embedding network (it is "
          + posterior.method() + " with " + posterior.estimator().kind() + "); train one with an embedding "
          + "network, or leave the embedding check out");
    }
    Batch forMmd = reference.selectRows(IntStream.range(0, Math.min(1000, reference.rows())).toArray());
    DataShape sets = sets(model);
    List<Check> checks = new ArrayList<>();
    checks.add(Check.of("mmd", (xo, s) -> new Check.Observed(sets == null ? Mmd.test(row(xo), forMmd, s)
        : setsMmd(row(xo), reference, sets, s))));
    if (features != null && !Boolean.FALSE.equals(embedding)) {
      Batch reduced = features.features(forMmd);
      checks.add(Check.of("mmd-embedding", (xo, s) -> {
        CheckResult e = Mmd.test(features.features(row(xo)), reduced, s);
        return new Check.Observed(new CheckResult("mmd-embedding", e.statistic(), e.pValue(), e.detail()
            + ", in the estimator's learned embedding of x"));
      }));
    }
    Typicality typicality = sets == null ? Typicality.fit(reference, typicalityFlow, seed)
        : Typicality.fitTrials(reference, sets, typicalityFlow, seed);
    try {
      checks.add(Check.of("typicality", (xo, s) -> new Check.Observed(typicality.test(xo))));
      posterior.as(LearnedLikelihood.class).ifPresent(l -> {
        EvidenceCheck evidence = EvidenceCheck.fit(l.likelihood(), model.prior(),
            forMmd.selectRows(IntStream.range(0, Math.min(200, forMmd.rows())).toArray()), seed);
        checks.add(Check.of("evidence", (xo, s) -> new Check.Observed(evidence.test(xo))));
      });
      checks.add(Check.of("prior-predictive", (xo, s) -> observed(PredictiveCheck.run("prior-predictive", model,
          model.prior().sample(numSamples, new RandomStreams(s).single(RandomStreams.Purpose.PRIOR)), xo, s))));
      if (posterior.as(McmcSampled.class).isEmpty() && posterior.as(Focused.class).isEmpty()) {
        int calibration = Math.min(200, reference.rows() / 2);
        CalibratedPredictiveCheck calibrated = CalibratedPredictiveCheck.fit(model, posterior,
            reference.selectRows(IntStream.range(reference.rows() - calibration, reference.rows()).toArray()),
            numSamples, seed);
        checks.add(Check.of("posterior-predictive", (xo, s) -> observed(calibrated.test(xo))));
      } else {
        checks.add(Check.of("posterior-predictive", (xo, s) -> observed(PredictiveCheck.run("posterior-predictive",
            model, posterior.sample(numSamples, xo, s).samples(), xo, s))));
      }
    } catch (RuntimeException e) {
      typicality.close();
      throw e;
    }
    return new CheckSuite(model, forMmd, reference, checks, typicality);
  }

  /** The checks chosen, in the order they run. */
  public List<Check> checks() {
    return checks;
  }

  /** The check named {@code name}, e.g. {@code evidence}. */
  public Check check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("name: expected one of this suite's checks " + checks.stream().map(Check::name)
            .toList() + ", got '" + name + "'"));
  }

  /**
   * Runs every check on each row of {@code observations} (observation k with seed {@code seed + k}), judges each
   * observation, and, for several, tests them together by MMD.
   */
  public CheckOutcome run(Batch observations, long seed) {
    List<List<CheckResult>> results = new ArrayList<>();
    List<double[]> quantiles = new ArrayList<>();
    List<PredictiveBands> bands = new ArrayList<>();
    DataShape sets = sets(model);
    List<List<String>> notes = new ArrayList<>();
    for (int k = 0; k < observations.rows(); k++) {
      double[] xo = observations.row(k);
      List<CheckResult> found = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      double[] q = null;
      Batch posteriorSims = null;
      Batch priorSims = null;
      for (Check c : checks) {
        try {
          Check.Observed o = c.test(xo.clone(), seed + k);
          found.add(o.result());
          q = o.quantiles() != null && c.name().equals("posterior-predictive") ? o.quantiles() : q;
          posteriorSims = c.name().equals("posterior-predictive") ? o.predictive() : posteriorSims;
          priorSims = c.name().equals("prior-predictive") ? o.predictive() : priorSims;
        } catch (IllegalStateException e) {
          // An observation far outside the model's range can leave NPE's posterior almost all outside the prior.
          skipped.add(c.name().replace('-', ' ') + " check not run: " + e.getMessage());
        }
      }
      results.add(found);
      quantiles.add(q);
      bands.add(posteriorSims == null ? null : sets == null ? PredictiveBands.of(posteriorSims, priorSims, xo)
          : PredictiveBands.ofSets(posteriorSims, priorSims, xo, sets));
      notes.add(skipped);
    }
    CheckResult batch = null;
    try {
      batch = observations.rows() <= 1 ? null : sets == null ? Mmd.test(observations, forMmd, seed)
          : setsMmd(observations, reference, sets, seed);
    } catch (IllegalStateException e) {
      batch = null; // too few simulated sets as large as the smallest observed one: each observation's notes say so
    }
    return new CheckOutcome(model.id(), Verdicts.judge(results), quantiles, notes, batch, bands);
  }

  @Override
  public void close() {
    typicality.close();
  }

  /**
   * MMD for sets: the observed sets and the simulated sets with at least as many trials, all cut to the smallest
   * observed N (their first trials, an exact set of that size) and compared as flat rows (at most 1,000 simulated).
   *
   * @throws IllegalStateException when fewer than 20 simulated sets are that large
   */
  private static CheckResult setsMmd(Batch observed, Batch reference, DataShape sets, long seed) {
    int n = Integer.MAX_VALUE;
    for (int i = 0; i < observed.rows(); i++) {
      n = Math.min(n, sets.trialCount(observed.row(i)));
    }
    Batch simulated = SetTrials.cut(reference, sets, n);
    if (simulated.rows() < 20) {
      throw new IllegalStateException("only " + simulated.rows() + " simulated sets have " + n + " or more trials, "
          + "and the test needs 20; simulate more");
    }
    simulated = simulated.selectRows(IntStream.range(0, Math.min(1000, simulated.rows())).toArray());
    CheckResult r = Mmd.test(SetTrials.cut(observed, sets, n), simulated, seed);
    return new CheckResult(r.name(), r.statistic(), r.pValue(), r.detail() + ", on sets cut to their first " + n
        + " trial" + (n == 1 ? "" : "s"));
  }

  /** The model's data shape when x is a set of trials, whose checks compare sets of one size; null otherwise. */
  private static DataShape sets(Model model) {
    return model.dataShape().kind() == DataShape.Kind.TRIALS ? model.dataShape() : null;
  }

  private static Check.Observed observed(PredictiveCheck.Outcome o) {
    return new Check.Observed(o.result(), o.quantiles(), o.predictive());
  }

  private static Batch row(double[] xo) {
    return Batch.wrap(1, xo.length, xo.clone());
  }
}
