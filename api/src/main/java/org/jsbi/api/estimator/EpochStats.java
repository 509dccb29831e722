package org.jsbi.api.estimator;

/**
 * One epoch of training.
 *
 * @param epoch 1-based epoch number
 * @param trainingLoss mean negative log-likelihood over the epoch's minibatches
 * @param validationLoss mean negative log-likelihood on the held-out set
 * @param elapsedSeconds wall time since training started
 */
public record EpochStats(int epoch, double trainingLoss, double validationLoss, double elapsedSeconds) {}
