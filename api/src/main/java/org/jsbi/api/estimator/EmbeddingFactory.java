package org.jsbi.api.estimator;

import org.jsbi.api.DataShape;

/**
 * A kind of embedding network, registered by id ({@code embedding("deepset")} in a plugin) and listed by {@code jsbi
 * embeddings}: it turns structured x (a set of trials, a series, an image, or many values) into a few features that
 * any estimator conditions on, trained jointly with it ({@link EstimatorFactory#withEmbedding}).
 */
public interface EmbeddingFactory {
  /** A one-line description for listings, naming its architecture and the data it suits. */
  String description();

  /** Whether it reads data of this shape. */
  boolean reads(DataShape shape);
}
