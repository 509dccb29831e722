package org.jsbi.inference.nre;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;

/**
 * One of the neural ratio estimation methods as a registered method: a ratio classifier trained by the variant's
 * objective ({@link NreLoss}), and a posterior sampled by MCMC ({@link NrePosterior}). Options, with sbi's defaults:
 * {@code classes} (K: 10 atoms for nre-b, 5 classes for nre-c), {@code gamma} (γ = 1 for nre-c) and {@code balance}
 * (λ = 100 for bnre).
 */
public final class NreMethod implements InferenceMethod {
  private final String variant;

  /** @param variant nre-a, nre-b, nre-c or bnre */
  public NreMethod(String variant) {
    if (!java.util.List.of("nre-a", "nre-b", "nre-c", "bnre").contains(variant)) {
      throw new IllegalArgumentException("variant: expected nre-a, nre-b, nre-c or bnre, got '" + variant + "'");
    }
    this.variant = variant;
  }

  @Override
  public String description() {
    return switch (variant) {
      case "nre-a" -> "neural ratio estimation (NRE-A): a classifier of joint against shuffled (θ, x) pairs learns "
          + "r(x, θ) = p(x | θ) / p(x); the posterior by MCMC (Hermans et al. 2020)";
      case "nre-b" -> "neural ratio estimation (NRE-B, SRE): which of K θ is x's own; the posterior by MCMC "
          + "(Durkan et al. 2020)";
      case "nre-c" -> "contrastive neural ratio estimation (NRE-C): K + 1 classes weighted by γ, a normalized ratio; "
          + "the posterior by MCMC (Miller et al. 2022)";
      default -> "balanced neural ratio estimation (BNRE): NRE-A with a balance penalty λ, for conservative "
          + "posteriors; the posterior by MCMC (Delaunoy et al. 2022)";
    };
  }

  @Override
  public String needs() {
    return "a ratio classifier of θ and x";
  }

  @Override
  public String defaultEstimator() {
    return "ratio";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    switch (variant) {
      case "nre-b" -> m.put("classes", "K, the atoms each x is classified among, its own θ one of them (default 10)");
      case "nre-c" -> {
        m.put("classes", "K, the θ each x meets per class (default 5)");
        m.put("gamma", "γ, the odds of 'one θ is x's own' against 'none is' (default 1)");
      }
      case "bnre" -> m.put("balance", "λ, the weight of the balance penalty (default 100)");
      default -> { }
    }
    return m;
  }

  @Override
  public void checkOptions(Map<String, String> options) {
    InferenceMethod.super.checkOptions(options);
    loss(options);
  }

  @Override
  public void checkEstimator(EstimatorFactory estimator) {
    if (!estimator.ratio() || !(estimator instanceof SpecFactory<?>)) {
      throw new IllegalArgumentException(variant + " trains a ratio classifier, got " + estimator.description()
          .split(":")[0] + "; use the estimator 'ratio'");
    }
  }

  /** The objective for {@code options}, each checked. */
  NreLoss loss(Map<String, String> options) {
    int classes = integer(options, "classes", variant.equals("nre-b") ? 10 : variant.equals("nre-c") ? 5 : 1);
    double gamma = number(options, "gamma", 1);
    double balance = number(options, "balance", 100);
    if (classes < (variant.equals("nre-b") ? 2 : 1) || classes > 100) {
      throw new IllegalArgumentException("classes: expected " + (variant.equals("nre-b") ? 2 : 1) + " to 100, got "
          + classes);
    }
    if (!(gamma > 0 && gamma < 1e6)) {
      throw new IllegalArgumentException("gamma: expected a positive odds below 1e6, got " + gamma);
    }
    if (!(balance >= 0 && balance < 1e6)) {
      throw new IllegalArgumentException("balance: expected a weight from 0 to below 1e6, got " + balance);
    }
    return new NreLoss(variant, classes, gamma, balance);
  }

  /** The objective's settings that its variant takes, by option name. */
  static Map<String, String> settingsOf(NreLoss loss) {
    Map<String, String> m = new LinkedHashMap<>();
    if (loss.variant().equals("nre-b") || loss.variant().equals("nre-c")) {
      m.put("classes", Integer.toString(loss.classes()));
    }
    if (loss.variant().equals("nre-c")) {
      m.put("gamma", Double.toString(loss.gamma()));
    }
    if (loss.variant().equals("bnre")) {
      m.put("balance", Double.toString(loss.balance()));
    }
    return m;
  }

  @Override
  public TrainedPosterior train(Model model, SimulationSet sims, EstimatorFactory estimator,
      Map<String, String> options, TrainingConfig config, TrainingListener listener) {
    checkEstimator(estimator);
    NreLoss loss = loss(options);
    config = config.resolvedFor(estimator);
    int trainingRows = (int) Math.round(sims.theta().rows() * (1 - config.validationFraction()));
    int batch = config.batchSizeFor(trainingRows);
    if (batch <= loss.classes()) {
      throw new IllegalArgumentException("batchSize: expected more rows than the " + loss.classes() + " θ each x is "
          + "contrasted with, got " + batch + "; raise the batch size or lower classes");
    }
    TrainingRecord record = TrainingRecord.of(model, sims, config);
    ConditionalDensityEstimator ratio = ((SpecFactory<?>) estimator).train(sims.theta(), sims.x(), loss, config,
        listener);
    return new NrePosterior(model, ratio, record, loss, Mcmc.Method.SLICE, McmcSettings.defaults(),
        ProgressListener.NONE);
  }

  @Override
  public TrainedPosterior restore(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Map<String, String> settings) {
    return new NrePosterior(model, estimator, training, loss(settings), Mcmc.Method.SLICE, McmcSettings.defaults(),
        ProgressListener.NONE);
  }

  private static int integer(Map<String, String> options, String name, int fallback) {
    String v = options.get(name);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected an integer, got '" + v + "'");
    }
  }

  private static double number(Map<String, String> options, String name, double fallback) {
    String v = options.get(name);
    try {
      return v == null ? fallback : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a number, got '" + v + "'");
    }
  }
}
