package org.jsbi.api.posterior;

import org.jsbi.api.estimator.TrainingConfig;

/**
 * Provenance of a trained posterior: what it was trained on and how.
 *
 * @param simulations valid simulations used
 * @param invalidSimulations simulations that failed and were left out
 * @param simulationSeed the seed of the simulation set
 * @param config the training configuration, including its seed
 * @param simulationsSha256 SHA-256 of the simulations trained on (each row's index, θ and x, in order), so that
 *     two posteriors can be told apart by their data; empty when not recorded (posteriors saved before it was)
 */
public record TrainingRecord(int simulations, int invalidSimulations, long simulationSeed, TrainingConfig config,
    String simulationsSha256) {
  public TrainingRecord {
    java.util.Objects.requireNonNull(simulationsSha256, "simulationsSha256");
  }

  /** A record without the simulations' hash. */
  public TrainingRecord(int simulations, int invalidSimulations, long simulationSeed, TrainingConfig config) {
    this(simulations, invalidSimulations, simulationSeed, config, "");
  }

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
    return new TrainingRecord(sims.size(), sims.invalidCount(), sims.seed(), config, sha256(sims));
  }

  private static String sha256(org.jsbi.api.simulation.SimulationSet sims) {
    java.security.MessageDigest d = org.jsbi.api.io.Sha256.digest();
    java.nio.ByteBuffer row = java.nio.ByteBuffer.allocate(8 * (1 + sims.theta().cols() + sims.x().cols()));
    for (int i = 0; i < sims.size(); i++) {
      row.clear();
      row.putLong(sims.indices()[i]);
      for (double v : sims.theta().row(i)) {
        row.putDouble(v);
      }
      for (double v : sims.x().row(i)) {
        row.putDouble(v);
      }
      d.update(row.flip());
    }
    return java.util.HexFormat.of().formatHex(d.digest());
  }
}
