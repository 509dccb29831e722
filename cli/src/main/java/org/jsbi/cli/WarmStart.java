package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;

/**
 * {@code train --warm-start DIR}: the saved posterior that training continues, loaded and checked against the other
 * arguments before anything is simulated. Its model, method, estimator and settings carry over; flags that would
 * change them are refused rather than ignored.
 */
final class WarmStart {
  private WarmStart() {}

  /** The posterior in {@code dir}, with the method and estimator that {@code training} then uses set to its own. */
  static TrainedPosterior load(Path dir, Registry registry, String modelId, String method,
      TrainingOptions training) throws IOException {
    TrainedPosterior from = PosteriorStore.load("--warm-start", dir, registry);
    try {
      String kind = from.estimator().kind();
      if (!from.model().id().equals(modelId)) {
        throw new IllegalArgumentException("--warm-start: '" + dir + "' holds a posterior of model '"
            + from.model().id() + "', expected one of '" + modelId + "' (--model); continue a posterior of the same "
            + "model");
      }
      if (method != null && !method.equals(from.method())) {
        throw new IllegalArgumentException("--method: expected the warm start's method, '" + from.method()
            + "', got '" + method + "'; drop --method or start afresh without --warm-start");
      }
      if (training.estimator != null && !training.estimator.equals(kind)) {
        throw new IllegalArgumentException("--estimator: expected the warm start's estimator, '" + kind + "', got '"
            + training.estimator + "'; drop --estimator or start afresh without --warm-start");
      }
      if (training.embeddingDim != null || training.embedding != null) {
        throw new IllegalArgumentException("--embedding and --embedding-dim: a warm start keeps the network of the "
            + "posterior it continues; drop them");
      }
      if (!training.methodOptions().isEmpty()) {
        throw new IllegalArgumentException("--option or --theta-space: a warm start keeps the settings of the "
            + "posterior it continues " + from.settings() + "; drop them");
      }
      training.estimator = kind;
      return from;
    } catch (RuntimeException e) {
      from.close();
      throw e;
    }
  }
}
