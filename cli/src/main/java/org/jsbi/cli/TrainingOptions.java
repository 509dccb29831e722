package org.jsbi.cli;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import java.util.Map;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.api.method.InferenceMethod;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Option;

/** The estimator and training options shared by {@code train} and {@code bench}. */
public final class TrainingOptions {
  @Option(names = "--estimator", paramLabel = "NAME", description = "Density estimator (default: the method's, "
      + "nsf for NPE and maf for NLE; 'jsbi estimators' lists them).")
  String estimator;

  @Option(names = "--embedding-dim", paramLabel = "D", description = "Add an embedding network that reduces x "
      + "to D learned features (two layers of 64 units), for high-dimensional data.")
  Integer embeddingDim;

  @Option(names = "--batch-size", paramLabel = "B",
      description = "Minibatch size (default: simulations / 20, clamped to [50, 200]).")
  Integer batchSize;

  @Option(names = "--learning-rate", paramLabel = "LR",
      description = "Adam learning rate (default: the estimator's, 2e-3 for the flows and 5e-4 for cvae).")
  Double learningRate;

  @Option(names = "--lr-drops", paramLabel = "N", description = "When the validation loss stops improving, go "
      + "back to the best weights and carry on at a tenth of the learning rate, up to N times, before stopping "
      + "(default 1; 0 stops at the first plateau).")
  Integer learningRateDrops;

  @Option(names = "--theta-space", paramLabel = "SPACE", description = "NPE only: "
      + "'original' fits q(θ | x) to θ as drawn and rejects draws outside the prior's support; 'unconstrained' "
      + "fits it to θ mapped to all of ℝ^d (logit per bounded dimension), so no mass leaks past the support's "
      + "edges; 'truncated' fits it to θ as drawn and, once the validation loss first stops improving, finishes it "
      + "as a density truncated to the support, so it may put mass past the edges where that fits the inside "
      + "better; 'auto' is 'truncated' where q then puts at least 15%% of its mass outside the support, and "
      + "'original' elsewhere (default auto).")
  String thetaSpace;

  /** The chosen estimator, with an embedding network when asked for. */
  EstimatorFactory factory(Registry registry) {
    EstimatorFactory factory = registry.estimator(estimator);
    if (embeddingDim == null) {
      return factory;
    }
    Limits.positive("--embedding-dim", embeddingDim);
    try {
      return factory.withEmbedding(embeddingDim, 64);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("--embedding-dim: " + e.getMessage());
    }
  }

  @Option(names = "--option", paramLabel = "NAME=VALUE", description = "An option of the method, by the name "
      + "'jsbi methods' lists; repeat for several.")
  Map<String, String> options = new java.util.LinkedHashMap<>();

  /** The options given for the method, by name: every --option, and --theta-space when given. */
  Map<String, String> methodOptions() {
    Map<String, String> all = new java.util.TreeMap<>(options);
    if (thetaSpace != null) {
      String before = all.put("theta-space", thetaSpace);
      if (before != null && !before.equals(thetaSpace)) {
        throw new IllegalArgumentException("--theta-space: given twice, as '" + thetaSpace + "' and as --option "
            + "theta-space=" + before + "; give it once");
      }
    }
    return all;
  }

  /**
   * The method named by {@code --method}, with the options checked against it before anything runs, and its
   * default estimator picked when none is named.
   */
  InferenceMethod method(Registry registry, String id) {
    InferenceMethod method;
    try {
      method = registry.method(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--method: " + e.getMessage());
    }
    if (estimator == null) {
      estimator = method.defaultEstimator();
    }
    try {
      method.checkOptions(methodOptions());
    } catch (IllegalArgumentException e) {
      // the message starts with the option's name; say it as it was given
      String given = thetaSpace != null && e.getMessage().startsWith("theta-space:") ? "--" : "--option ";
      throw new IllegalArgumentException(given + e.getMessage());
    }
    return method;
  }

  /** Trains {@code method}'s posterior with the options given. */
  TrainedPosterior train(InferenceMethod method, Model model, EstimatorFactory factory, SimulationSet sims,
      TrainingConfig config, TrainingListener listener) {
    return method.train(model, sims, factory, methodOptions(), config, listener);
  }

  /** {@code config} with the batch size and learning rate given on the command line. */
  TrainingConfig config(TrainingConfig config) {
    TrainingConfig out = config;
    if (batchSize != null) {
      Limits.positive("--batch-size", batchSize);
      out = out.withBatchSize(batchSize);
    }
    if (learningRate != null) {
      if (!(learningRate > 0) || learningRate.isInfinite()) {
        throw new IllegalArgumentException("--learning-rate: expected a positive number, got " + learningRate);
      }
      out = out.withLearningRate(learningRate);
    }
    if (learningRateDrops != null) {
      if (learningRateDrops < 0) {
        throw new IllegalArgumentException("--lr-drops: expected 0 or more, got " + learningRateDrops);
      }
      out = out.withLearningRateDrops(learningRateDrops);
    }
    return out;
  }
}
