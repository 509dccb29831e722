package org.jsbi.inference;

import org.jsbi.api.Batch;

/**
 * The capability of a posterior whose estimator learned features of the data x (an embedding network, as NPE with
 * {@code --embedding-dim} has): the misspecification checks compare observations with simulations there too. Ask
 * for it with {@code posterior.as(DataFeatures.class)}; a posterior without an embedding does not have it.
 */
public interface DataFeatures {
  /** The learned features of each row of {@code x}. */
  Batch features(Batch x);
}
