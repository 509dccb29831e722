package org.jsbi.cli;

import org.jsbi.api.Model;
import org.jsbi.api.estimator.EstimatorFactory;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.ThetaSpace;
import org.jsbi.plugins.Registry;
import picocli.CommandLine.Option;

/** The estimator and training options shared by {@code train} and {@code bench}. */
public final class TrainingOptions {
  @Option(names = "--estimator", paramLabel = "NAME", description = "Density estimator (default: nsf for NPE, "
      + "maf for NLE; 'jsbi estimators' lists them).")
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

  @Option(names = "--theta-space", defaultValue = "auto", paramLabel = "SPACE", description = "NPE only: "
      + "'original' fits q(θ | x) to θ as drawn and rejects draws outside the prior's support; 'unconstrained' "
      + "fits it to θ mapped to all of ℝ^d (logit per bounded dimension), so no mass leaks past the support's "
      + "edges; 'truncated' fits it to θ as drawn and, once the validation loss first stops improving, finishes it "
      + "as a density truncated to the support, so it may put mass past the edges where that fits the inside "
      + "better; 'auto' is 'truncated' where q then puts at least 15%% of its mass outside the support, and "
      + "'original' elsewhere (default ${DEFAULT-VALUE}).")
  String thetaSpace;

  /** The chosen estimator, with an embedding network when asked for. */
  EstimatorFactory factory(Registry registry) {
    EstimatorFactory factory = registry.estimator(estimator);
    if (embeddingDim == null) {
      return factory;
    }
    if (embeddingDim <= 0) {
      throw new IllegalArgumentException("--embedding-dim: expected a positive integer, got " + embeddingDim);
    }
    try {
      return factory.withEmbedding(embeddingDim, 64);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("--embedding-dim: " + e.getMessage());
    }
  }

  /** NPE with {@code factory} in the chosen θ space. */
  Npe npe(Model model, EstimatorFactory factory) {
    return new Npe(model, factory).thetaSpace(thetaSpace());
  }

  /**
   * The estimator when none is named. NPE: the spline flow, the most accurate in the NPE benchmark. NLE: the MAF,
   * as in sbi and sbibm. MCMC evaluates the likelihood thousands of times, and MAF's evaluation costs a half to a
   * fifth of the spline flow's (LikelihoodBenchmark), which keeps 10,000 draws on two-moons under 10 s; the spline
   * flow was the more accurate likelihood on six of nine NLE benchmark cells, so it is worth naming when time
   * allows.
   */
  static String defaultEstimator(TrainCommand.Method method) {
    return method == TrainCommand.Method.nle ? "maf" : "nsf";
  }

  /** Checks the options against the method before anything runs, and picks the method's default estimator. */
  void check(TrainCommand.Method method) {
    if (estimator == null) {
      estimator = defaultEstimator(method);
    }
    ThetaSpace space = thetaSpace();
    if (method == TrainCommand.Method.nle && space != ThetaSpace.ORIGINAL && space != ThetaSpace.AUTO) {
      throw new IllegalArgumentException("--theta-space: applies to NPE only (NLE's MCMC already samples bounded "
          + "priors in unconstrained space); drop it or use --method npe");
    }
  }

  private ThetaSpace thetaSpace() {
    try {
      return ThetaSpace.of(thetaSpace);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--theta-space: expected " + ThetaSpace.NAMES + ", got '" + thetaSpace
          + "'");
    }
  }

  /** {@code config} with the batch size and learning rate given on the command line. */
  TrainingConfig config(TrainingConfig config) {
    TrainingConfig out = config;
    if (batchSize != null) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException("--batch-size: expected a positive integer, got " + batchSize);
      }
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
