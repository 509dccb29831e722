package org.jsbi.inference.vae;

import java.util.List;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A conditional VAE (Sohn et al. 2015) over standardized values: a conditional prior p(z | c), an encoder
 * q(z | u, c) and a decoder p(u | z, c), each a diagonal Gaussian whose mean and log standard deviation an MLP
 * computes. It trains on the importance-weighted bound with a few samples; its density is the importance-weighted estimate (IWAE, Burda et
 * al. 2016) with K samples from the encoder,
 * <pre>log q(u | c) ≈ log (1/K) Σ_k p(u | z_k, c) p(z_k | c) / q(z_k | u, c),</pre>
 * whose exponential is an unbiased estimate of q(u | c), so it is a lower bound in expectation: it underestimates
 * log q(u | c) by a gap that shrinks as K grows and as the encoder approaches the true posterior over z. Each row
 * gets its own noise (the estimator seeds it from the row's values), so the estimate is reproducible and does not
 * depend on batching; a fixed table shared by all rows was tried first and overestimated systematically (one draw
 * of the table biases every row the same way).
 */
final class CvaeGraph implements DensityGraph {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** Importance samples per row in the training bound. */
  static final int TRAINING_SAMPLES = 8;
  private static final float ENCODER_INITIAL_LOG_STD = -2f;

  private final int dim;
  private final int latent;
  private final int samples;
  private final GaussianNet prior;
  private final GaussianNet encoder;
  private final GaussianNet decoder;

  CvaeGraph(Ops tf, Parameters p, int dim, int conditionDim, int hidden, int latent, int samples) {
    this.dim = dim;
    this.latent = latent;
    this.samples = samples;
    this.prior = new GaussianNet(p, "cvae.prior", conditionDim, hidden, latent, 0f);
    // A narrow encoder at the start, so that z carries information about u from the first step and the decoder
    // learns to use it; starting at the prior's width, the decoder learned to ignore z (posterior collapse).
    this.encoder = new GaussianNet(p, "cvae.encoder", dim + conditionDim, hidden, latent, ENCODER_INITIAL_LOG_STD);
    this.decoder = new GaussianNet(p, "cvae.decoder", latent + conditionDim, hidden, dim, 0f);
  }

  @Override
  public int noiseDim() {
    return latent + dim;
  }

  @Override
  public boolean stochasticLoss() {
    return true;
  }

  /**
   * The negative IWAE bound with {@value #TRAINING_SAMPLES} fresh draws of z per row. Training on this bound rather
   * than on the one-sample evidence lower bound keeps the latent variable in use: on a bimodal conditional the
   * one-sample bound collapsed to a single Gaussian.
   */
  @Override
  public Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TInt64> seed) {
    Operand<TInt32> shape = tf.stack(List.<Operand<TInt32>>of(tf.math.mul(rows(tf, u),
        tf.constant(TRAINING_SAMPLES)), tf.constant(latent)));
    // stopGradient: the noise's shape comes from the data, and the op has no registered gradient.
    Operand<TFloat32> eps = tf.stopGradient(tf.random.statelessRandomNormal(shape, seed));
    return tf.math.neg(importanceWeighted(tf, u, c, eps, TRAINING_SAMPLES));
  }

  @Override
  public int densityNoiseDim() {
    return samples * latent;
  }

  /** The IWAE estimate; row b of {@code noise} holds its K noise vectors, one after another. */
  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TFloat32> noise) {
    // [B, K·L] → [K, B, L] → [K·B, L]: row k·B + b pairs data row b with its k-th noise vector.
    Operand<TFloat32> eps = tf.reshape(tf.linalg.transpose(tf.reshape(noise, tf.constant(new int[] {-1, samples,
        latent})), tf.constant(new int[] {1, 0, 2})), tf.constant(new int[] {-1, latent}));
    return importanceWeighted(tf, u, c, eps, samples);
  }

  /** The IWAE estimate with noise from a fixed stateless seed (the estimator itself feeds per-row noise). */
  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c) {
    Operand<TInt32> shape = tf.stack(List.<Operand<TInt32>>of(rows(tf, u), tf.constant(samples * latent)));
    return logProb(tf, u, c, tf.stopGradient(tf.random.statelessRandomNormal(shape,
        tf.constant(new long[] {0x1AAEL, samples}))));
  }

  /**
   * log (1/k) Σ_j p(u | z_j, c) p(z_j | c) / q(z_j | u, c) with z_j = m_q + s_q·ε_j, where row j·B + b of
   * {@code eps} is ε_j for data row b.
   */
  private Operand<TFloat32> importanceWeighted(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c,
      Operand<TFloat32> eps, int k) {
    Operand<TFloat32>[] q = encoder.apply(tf, concat(tf, u, c));
    Operand<TFloat32>[] pz = prior.apply(tf, c);
    Operand<TFloat32> z = tf.math.add(repeat(tf, q[0], k), tf.math.mul(tf.math.exp(repeat(tf, q[1], k)), eps));
    Operand<TFloat32>[] d = decoder.apply(tf, concat(tf, z, repeat(tf, c, k)));
    Operand<TFloat32> logW = tf.math.add(gaussianLogProb(tf, repeat(tf, u, k), d[0], d[1], dim),
        gaussianLogProb(tf, z, repeat(tf, pz[0], k), repeat(tf, pz[1], k), latent));
    // log q(z | u, c) from the standardized noise itself: Σ −½ε² − log s_q − ½ log 2π.
    Operand<TFloat32> logQ = tf.math.sub(tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.square(eps),
        tf.constant(1))), tf.math.add(tf.reduceSum(repeat(tf, q[1], k), tf.constant(1)),
        tf.constant((float) (0.5 * latent * LOG_2PI))));
    Operand<TFloat32> w = tf.reshape(tf.math.sub(logW, logQ),
        tf.stack(List.<Operand<TInt32>>of(tf.constant(k), rows(tf, u))));
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(w, tf.constant(0)));
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(w, max)), tf.constant(0));
    return tf.math.add(max, tf.math.sub(tf.math.log(sum), tf.constant((float) Math.log(k))));
  }

  /** The number of rows of x, as a scalar. */
  private static Operand<TInt32> rows(Ops tf, Operand<TFloat32> x) {
    return tf.reshape(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
        tf.constant(new int[0]));
  }

  /** z ~ p(z | c), then u ~ p(u | z, c): the first {@code latent} noise columns draw z, the rest u. */
  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> c) {
    Operand<TFloat32> epsZ = tf.slice(noise, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, latent}));
    Operand<TFloat32> epsU = tf.slice(noise, tf.constant(new int[] {0, latent}), tf.constant(new int[] {-1, dim}));
    Operand<TFloat32>[] pz = prior.apply(tf, c);
    Operand<TFloat32> z = tf.math.add(pz[0], tf.math.mul(tf.math.exp(pz[1]), epsZ));
    Operand<TFloat32>[] d = decoder.apply(tf, concat(tf, z, c));
    return tf.math.add(d[0], tf.math.mul(tf.math.exp(d[1]), epsU));
  }

  /** The rows of x stacked k times: row j·B + b is row b. */
  private static Operand<TFloat32> repeat(Ops tf, Operand<TFloat32> x, int k) {
    return tf.tile(x, tf.constant(new int[] {k, 1}));
  }

  private static Operand<TFloat32> concat(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.concat(List.of(a, b), tf.constant(1));
  }

  /** log N(x; mean, diag(exp(logStd)²)) summed over the last axis of width {@code width}. */
  private static Operand<TFloat32> gaussianLogProb(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean,
      Operand<TFloat32> logStd, int width) {
    Operand<TFloat32> s = tf.math.mul(tf.math.sub(x, mean), tf.math.exp(tf.math.neg(logStd)));
    Operand<TFloat32> perRow = tf.reduceSum(tf.math.add(tf.math.mul(tf.constant(0.5f), tf.math.square(s)), logStd),
        tf.constant(1));
    return tf.math.neg(tf.math.add(perRow, tf.constant((float) (0.5 * width * LOG_2PI))));
  }
}
