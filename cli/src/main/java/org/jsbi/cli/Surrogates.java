package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jsbi.api.Model;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.inference.LearnedLikelihood;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Registry;

/** Loads an NLE posterior directory as a model whose simulator is the learned likelihood. */
final class Surrogates {
  private Surrogates() {}

  /** A surrogate model and the posterior that owns its estimator; closing it frees the estimator. */
  record Loaded(Model model, TrainedPosterior posterior) implements AutoCloseable {
    @Override
    public void close() {
      posterior.close();
    }
  }

  /** The surrogate of the NLE posterior in {@code dir}, or null when {@code dir} is null. */
  static Loaded load(Path dir, Registry registry) throws IOException {
    if (dir == null) {
      return null;
    }
    TrainedPosterior posterior = PosteriorStore.load("--surrogate", dir, registry);
    LearnedLikelihood learned = posterior.as(LearnedLikelihood.class).orElse(null);
    if (learned == null) {
      posterior.close();
      throw new IllegalArgumentException("--surrogate: " + dir + " holds an NPE posterior, which learned p(θ | x) "
          + "and cannot simulate x; train a likelihood with 'jsbi train --method nle'");
    }
    Model original = posterior.model();
    Model model = Model.builder(original.id() + "-surrogate")
        .description("learned likelihood of " + original.id() + " (" + learned.likelihood().kind() + ")")
        .prior(original.prior())
        .simulator(learned.surrogate())
        .parameterNames(original.parameterNames().toArray(String[]::new))
        .dataNames(original.dataNames().toArray(String[]::new))
        .build();
    return new Loaded(model, posterior);
  }
}
