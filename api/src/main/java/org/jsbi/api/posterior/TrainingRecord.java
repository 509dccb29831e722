package org.jsbi.api.posterior;

import org.jsbi.api.estimator.TrainingConfig;

/**
 * Provenance of a trained posterior: what it was trained on and how.
 *
 * @param simulations valid simulations used
 * @param invalidSimulations simulations that failed and were left out
 * @param simulationSeed the seed of the simulation set
 * @param config the training configuration, including its seed
 */
public record TrainingRecord(int simulations, int invalidSimulations, long simulationSeed, TrainingConfig config) {
  /**
   * The record of training on {@code sims} for {@code model}, after checking that the simulations fit the model
   * and that there are at least 10 valid ones.
   */
  public static TrainingRecord of(org.jsbi.api.Model model, org.jsbi.api.simulation.SimulationSet sims,
      TrainingConfig config) {
    java.util.Objects.requireNonNull(sims, "sims");
    if (sims.theta().cols() != model.parameterDim() || sims.x().cols() != model.dataDim()) {
      throw new IllegalArgumentException("sims: expected θ with " + model.parameterDim() + " and x with "
          + model.dataDim() + " columns for model '" + model.id() + "', got " + sims.theta().cols() + " and "
          + sims.x().cols());
    }
    if (sims.size() < 10) {
      throw new IllegalArgumentException("sims: expected at least 10 valid simulations to train on, got "
          + sims.size() + " (" + sims.summary() + ")");
    }
    return new TrainingRecord(sims.size(), sims.invalidCount(), sims.seed(), config);
  }
}
