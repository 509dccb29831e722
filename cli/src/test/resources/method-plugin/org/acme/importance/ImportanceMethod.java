package org.acme.importance;

import java.util.Map;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.SimulationSet;

/**
 * Neural likelihood with importance resampling: fits q(x | θ) as NLE does, and samples the posterior by drawing θ
 * from the prior and resampling them with weights q(x_o | θ). Written against jsbi-api alone.
 */
public final class ImportanceMethod implements InferenceMethod {
  static final String DRAWS = "draws";

  @Override
  public String description() {
    return "NLE's likelihood, sampled by importance resampling of prior draws (a plugin)";
  }

  @Override
  public String needs() {
    return "a conditional density estimator of x given θ";
  }

  @Override
  public String defaultEstimator() {
    return "maf";
  }

  @Override
  public Map<String, String> options() {
    return Map.of(DRAWS, "prior draws per posterior sample (default 20)");
  }

  @Override
  public void checkOptions(Map<String, String> options) {
    InferenceMethod.super.checkOptions(options);
    draws(options);
  }

  @Override
  public TrainedPosterior train(Model model, SimulationSet sims, EstimatorFactory estimator,
      Map<String, String> options, TrainingConfig config, TrainingListener listener) {
    TrainingConfig resolved = config.resolvedFor(estimator);
    TrainingRecord record = TrainingRecord.of(model, sims, resolved);
    ConditionalDensityEstimator q = estimator.train(sims.x(), sims.theta(), resolved, listener);
    return new ImportancePosterior(model, q, record, draws(options));
  }

  @Override
  public TrainedPosterior restore(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Map<String, String> settings) {
    return new ImportancePosterior(model, estimator, training, draws(settings));
  }

  private static int draws(Map<String, String> options) {
    String value = options.getOrDefault(DRAWS, "20");
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(DRAWS + ": expected a positive whole number, got '" + value + "'");
  }
}
