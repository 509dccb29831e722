package org.jsbi.cli;

import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.EmbeddingFactory;
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

  @Option(names = "--estimator-option", paramLabel = "NAME=VALUE", description = "A hyper-parameter of the "
      + "estimator, by the name 'jsbi estimators' lists with its default (e.g. sampler=sde for npse, steps=10 for "
      + "fmpe, hidden=100 for nsf); repeat for several.")
  Map<String, String> estimatorOptions = new java.util.LinkedHashMap<>();

  @Option(names = "--embedding", paramLabel = "ID", description = "An embedding network, trained with the "
      + "estimator, that turns x into learned features: 'mlp' for many values, 'deepset' for a set of trials "
      + "('jsbi embeddings' lists them; default: deepset when the data are a set of trials, else none).")
  String embedding;

  @Option(names = "--embedding-dim", paramLabel = "D", description = "The embedding network's features (default "
      + "8); without --embedding, adds an mlp, for high-dimensional data.")
  Integer embeddingDim;

  /** Features of an embedding network when --embedding-dim does not say. */
  static final int DEFAULT_FEATURES = 8;

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

  @Option(names = "--patience", paramLabel = "E", description = "Epochs without validation improvement before "
      + "the learning rate drops or training stops (default 20, as sbi's stop_after_epochs).")
  Integer patience;

  @Option(names = "--theta-space", paramLabel = "SPACE", description = "NPE only: "
      + "'original' fits q(θ | x) to θ as drawn and rejects draws outside the prior's support; 'unconstrained' "
      + "fits it to θ mapped to all of ℝ^d (logit per bounded dimension), so no mass leaks past the support's "
      + "edges; 'truncated' fits it to θ as drawn and, once the validation loss first stops improving, finishes it "
      + "as a density truncated to the support, so it may put mass past the edges where that fits the inside "
      + "better; 'auto' is 'truncated' where q then puts at least 15%% of its mass outside the support, and "
      + "'original' elsewhere (default auto).")
  String thetaSpace;

  /** The method that {@link #method} chose, which {@link #factory} asks whether it takes the estimator. */
  private InferenceMethod chosen;

  /**
   * The chosen estimator, with the embedding network asked for, or the one the model's data need: a deep set for a
   * set of trials.
   */
  EstimatorFactory factory(Registry registry, Model model) {
    EstimatorFactory factory = registry.estimator(estimator);
    try {
      factory = factory.withOptions(estimatorOptions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--estimator-option " + e.getMessage());
    }
    if (chosen != null) {
      try {
        chosen.checkEstimator(factory);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--estimator: " + e.getMessage());
      }
    }
    DataShape shape = model.dataShape();
    String id = embedding != null ? embedding : embeddingDim != null ? "mlp"
        : shape.kind() == DataShape.Kind.TRIALS ? "deepset" : null;
    if (id == null) {
      return factory;
    }
    if (embeddingDim != null) {
      Limits.positive("--embedding-dim", embeddingDim);
    }
    int features = embeddingDim == null ? DEFAULT_FEATURES : embeddingDim;
    EmbeddingFactory kind;
    try {
      kind = registry.embedding(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--embedding: " + e.getMessage());
    }
    if (!kind.reads(shape)) {
      throw new IllegalArgumentException("--embedding: '" + id + "' does not read the data of model '" + model.id()
          + "', " + shape.describe() + "; choose one that does ('jsbi embeddings')");
    }
    try {
      return factory.withEmbedding(kind, features, shape);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("--embedding" + (embedding == null && embeddingDim == null ? " (deepset, "
          + "for data that are a set of trials)" : "") + ": " + e.getMessage() + "; choose a flow (maf, nsf, "
          + "coupling) with --estimator");
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
    chosen = method;
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

  /** {@code config} with the batch size, learning rate, patience and drops given on the command line. */
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
    if (patience != null) {
      Limits.positive("--patience", patience);
      out = out.withPatience(patience);
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
