package org.jsbi.api.method;

import java.util.Map;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.SimulationSet;

/**
 * An inference method: what it fits to simulated pairs, and the posterior that results. Registered by id through
 * a plugin ({@code method("npe").factory(...)}), looked up in the registry like models and estimators, and listed by
 * {@code jsbi methods}. The command line knows methods only through this interface and the capabilities of the
 * posteriors they return.
 */
public interface InferenceMethod {
  /** A one-line description for listings, e.g. {@code neural posterior estimation: q(θ | x) fitted directly}. */
  String description();

  /** What the method trains, for listings: e.g. {@code a conditional density estimator of θ given x}. */
  String needs();

  /** The estimator id used when none is named. */
  String defaultEstimator();

  /**
   * The options the method takes beyond the common training settings, by name (kebab-case, as on the command line
   * without the dashes), with a description each.
   */
  default Map<String, String> options() {
    return Map.of();
  }

  /**
   * Checks {@code options} before any work: a name the method does not take, or a value it cannot use, throws an
   * {@link IllegalArgumentException} whose message starts with the option's name.
   */
  /**
   * Refuses, before anything runs, an estimator this method cannot use well, in one line that says why; takes any by
   * default.
   *
   * @throws IllegalArgumentException naming the estimator and the reason
   */
  default void checkEstimator(EstimatorFactory estimator) {}

  default void checkOptions(Map<String, String> options) {
    for (String name : options.keySet()) {
      if (!options().containsKey(name)) {
        throw new IllegalArgumentException(name + ": not an option of this method (it takes "
            + (options().isEmpty() ? "none" : String.join(", ", options().keySet())) + ")");
      }
    }
  }

  /**
   * Trains a posterior for {@code model} on the valid rows of {@code sims}.
   *
   * @param estimator the estimator to fit (the one named, else {@link #defaultEstimator()})
   * @param options checked by {@link #checkOptions}
   * @param listener receives each epoch, and may carry checkpoints
   */
  TrainedPosterior train(Model model, SimulationSet sims, EstimatorFactory estimator, Map<String, String> options,
      TrainingConfig config, TrainingListener listener);

  /**
   * A warm start: trains a posterior for {@code model} on {@code sims} by continuing {@code from} (a posterior of
   * this method, e.g. loaded from disk) instead of starting afresh: its estimator's weights are the starting point
   * and its standardization is kept fixed, and its settings (for NPE, the θ space) carry over.
   *
   * @param estimator the factory of {@code from}'s estimator kind
   * @throws UnsupportedOperationException when the method cannot continue a posterior
   */
  default TrainedPosterior continueTraining(TrainedPosterior from, Model model, SimulationSet sims,
      EstimatorFactory estimator, TrainingConfig config, TrainingListener listener) {
    throw new UnsupportedOperationException("this method cannot continue training a saved posterior: "
        + description());
  }

  /**
   * Rebuilds a saved posterior of this method from its parts: what {@link #train} returned, computing exactly what
   * it did.
   *
   * @param estimator the trained estimator, restored from its saved state
   * @param settings the posterior's {@link TrainedPosterior#settings()} as saved
   * @throws IllegalArgumentException for settings the method cannot use, with a message that reads after the
   *     file's name, e.g. {@code has thetaSpace 'sideways', expected …}
   */
  TrainedPosterior restore(Model model, ConditionalDensityEstimator estimator, TrainingRecord training,
      Map<String, String> settings);
}
