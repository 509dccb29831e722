package org.jsbi.inference.npe;

import org.jsbi.api.estimator.TrainingConfig;

/**
 * Provenance of a trained posterior: what it was trained on and how.
 *
 * @param simulations valid simulations used
 * @param invalidSimulations simulations that failed and were left out
 * @param simulationSeed the seed of the simulation set
 * @param config the training configuration, including its seed
 */
public record TrainingRecord(int simulations, int invalidSimulations, long simulationSeed, TrainingConfig config) {}
