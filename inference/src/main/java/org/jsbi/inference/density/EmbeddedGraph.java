package org.jsbi.inference.density;

import org.jsbi.inference.embeddings.Embedding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Any estimator's graph with an embedding network in front of its condition, trained jointly with it: the one place
 * where an embedding meets an estimator, for the flows and the cVAE alike. Every use of the condition (density,
 * sampling, training loss) goes through the embedding; the training loss first through the embedding's augmentation
 * (a set embedding also trains on subsets of each set), which then needs a seed per minibatch.
 */
public final class EmbeddedGraph implements DensityGraph {
  /** Added to the minibatch's seed for the embedding's augmentation, so that it draws apart from the estimator. */
  private static final long AUGMENT_STREAM = 0xA06L;

  private final DensityGraph inner;
  private final Embedding embedding;

  /** {@code inner} conditioned on {@code embedding}'s features instead of the raw condition. */
  public EmbeddedGraph(DensityGraph inner, Embedding embedding) {
    this.inner = inner;
    this.embedding = embedding;
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return inner.logProb(tf, input, embedding.apply(tf, condition));
  }

  @Override
  public boolean hasLogProb() {
    return inner.hasLogProb();
  }

  @Override
  public int densityNoiseDim() {
    return inner.densityNoiseDim();
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TFloat32> noise) {
    return inner.logProb(tf, input, embedding.apply(tf, condition), noise);
  }

  @Override
  public int noiseDim() {
    return inner.noiseDim();
  }

  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return inner.sample(tf, noise, embedding.apply(tf, condition));
  }

  @Override
  public String cannotSample() {
    return inner.cannotSample();
  }

  @Override
  public SteppedSampling steppedSampling() {
    SteppedSampling in = inner.steppedSampling();
    return in == null ? null : new SteppedSampling() {
      @Override
      public int stateDim() {
        return in.stateDim();
      }

      @Override
      public int progressColumn() {
        return in.progressColumn();
      }

      @Override
      public int maxSteps() {
        return in.maxSteps();
      }

      @Override
      public String describe() {
        return in.describe();
      }

      @Override
      public String remedy() {
        return in.remedy();
      }

      @Override
      public Operand<TFloat32> start(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
        return in.start(tf, noise, embedding.apply(tf, condition));
      }

      @Override
      public Operand<TFloat32> step(Ops tf, Operand<TFloat32> state, Operand<TFloat32> condition) {
        return in.step(tf, state, embedding.apply(tf, condition));
      }
    };
  }

  @Override
  public int embeddingDim() {
    return embedding.features();
  }

  @Override
  public Operand<TFloat32> embedding(Ops tf, Operand<TFloat32> condition) {
    return embedding.apply(tf, condition);
  }

  @Override
  public boolean likelihoodLoss() {
    return inner.likelihoodLoss();
  }

  @Override
  public boolean stochasticLoss() {
    return inner.stochasticLoss() || embedding.augments();
  }

  @Override
  public Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TInt64> seed) {
    return inner.trainingLoss(tf, input, embedded(tf, condition, seed), seed);
  }

  /** The inner graph's validation loss, on the condition embedded as in training (with its fixed seed). */
  @Override
  public Operand<TFloat32> validationLoss(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TInt64> seed) {
    return inner.validationLoss(tf, input, embedded(tf, condition, seed), seed);
  }

  private Operand<TFloat32> embedded(Ops tf, Operand<TFloat32> condition, Operand<TInt64> seed) {
    Operand<TFloat32> c = seed != null && embedding.augments()
        ? embedding.augment(tf, condition, tf.math.add(seed, tf.constant(new long[] {AUGMENT_STREAM, 0L})))
        : condition;
    return embedding.apply(tf, c);
  }
}
