package org.jsbi.inference.gan;

import java.util.List;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * An adversarial posterior (GATSBI; Ramesh et al. 2022) for q(u | c): a generator u = G(z, c) from standard-normal
 * noise z, and a discriminator D(u, c) that tells the simulated pairs from generated ones. Both are trained by one
 * loss per row, with each player's part reaching only its own weights:
 * <ul>
 *   <li>the discriminator's cross-entropy, softplus(−D(u, c)) + softplus(D(G(z, c), c)), with the generated draw
 *       behind {@code stopGradient};</li>
 *   <li>the generator's non-saturating loss, softplus(−D(G(z, c), c)), with D's weights and c behind
 *       {@code stopGradient} ({@link Network#apply}).</li>
 * </ul>
 * Both players take one Adam step per minibatch on the same draws (simultaneous updates). The adversarial loss says
 * little about how good the generator is, so early stopping watches a strictly proper scoring rule of the generated
 * draws instead: the <b>energy score</b> (Gneiting and Raftery 2007) of {@value #SCORE_DRAWS} draws per validation
 * row, E|G − u| − ½ E|G − G'|, which is least when q(· | c) is the true conditional. There is no density:
 * {@link #logProb} throws.
 */
final class GatsbiGraph implements DensityGraph {
  /** Draws per validation row in the energy score. */
  static final int SCORE_DRAWS = 8;

  private final int dim;
  private final int latent;
  private final Network generator;
  private final Network discriminator;
  private final double penalty;

  GatsbiGraph(Parameters p, int dim, int conditionDim, GatsbiSpec spec) {
    this.dim = dim;
    this.latent = spec.latentFor(dim);
    this.penalty = spec.penalty();
    this.generator = new Network(p, "gen", latent, conditionDim, spec.hidden(), spec.layers(), dim);
    this.discriminator = new Network(p, "dis", dim, conditionDim, spec.criticHidden(), spec.criticLayers(), 1);
  }

  @Override
  public int noiseDim() {
    return latent;
  }

  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return generator.apply(tf, noise, condition, false);
  }

  @Override
  public boolean hasLogProb() {
    return false;
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    throw new UnsupportedOperationException(GatsbiFactory.NO_DENSITY);
  }

  @Override
  public boolean likelihoodLoss() {
    return false;
  }

  @Override
  public boolean stochasticLoss() {
    return true;
  }

  @Override
  public Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TInt64> seed) {
    Operand<TFloat32> fake = generator.apply(tf, normal(tf, rows(tf, u), seed), c, false);
    Operand<TFloat32>[] judged = penalty > 0 ? discriminator.applyWithGradient(tf, u, c) : null;
    Operand<TFloat32> real = penalty > 0 ? judged[0] : discriminator.apply(tf, u, c, false);
    Operand<TFloat32> caught = discriminator.apply(tf, tf.stopGradient(fake), c, false);
    Operand<TFloat32> fooled = discriminator.apply(tf, fake, c, true);
    Operand<TFloat32> dLoss = tf.math.add(tf.math.softplus(tf.math.neg(real)), tf.math.softplus(caught));
    if (penalty > 0) {
      dLoss = tf.math.add(dLoss, tf.math.mul(tf.constant((float) (penalty / 2)), tf.reduceSum(tf.math.square(
          judged[1]), tf.constant(1), ReduceSum.keepDims(true))));
    }
    Operand<TFloat32> gLoss = tf.math.softplus(tf.math.neg(fooled));
    return tf.reshape(tf.math.add(dLoss, gLoss), tf.constant(new int[] {-1}));
  }

  /** The energy score of {@value #SCORE_DRAWS} generated draws per row, in standardized units. */
  @Override
  public Operand<TFloat32> validationLoss(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TInt64> seed) {
    Operand<TInt32> rows = rows(tf, u);
    Operand<TFloat32> z = normal(tf, tf.math.mul(rows, tf.constant(new int[] {SCORE_DRAWS})), seed);
    Operand<TFloat32> tiled = tf.tile(c, tf.constant(new int[] {SCORE_DRAWS, 1}));
    Operand<TFloat32> draws = tf.reshape(generator.apply(tf, z, tiled, false),
        tf.constant(new int[] {SCORE_DRAWS, -1, dim}));
    Operand<TFloat32> toTruth = tf.math.mean(norm(tf, tf.math.sub(draws, u), 2), tf.constant(0));
    Operand<TFloat32> spread = null;
    for (int i = 0; i < SCORE_DRAWS; i++) {
      for (int j = i + 1; j < SCORE_DRAWS; j++) {
        Operand<TFloat32> d = norm(tf, tf.math.sub(tf.gather(draws, tf.constant(i), tf.constant(0)),
            tf.gather(draws, tf.constant(j), tf.constant(0))), 1);
        spread = spread == null ? d : tf.math.add(spread, d);
      }
    }
    double pairs = SCORE_DRAWS * (SCORE_DRAWS - 1) / 2.0;
    return tf.math.sub(toTruth, tf.math.mul(tf.constant((float) (0.5 / pairs)), spread));
  }

  private static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> v, int axis) {
    return tf.math.sqrt(tf.reduceSum(tf.math.square(v), tf.constant(axis)));
  }

  private static Operand<TInt32> rows(Ops tf, Operand<TFloat32> u) {
    return tf.slice(tf.shape(u), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
  }

  private Operand<TFloat32> normal(Ops tf, Operand<TInt32> rows, Operand<TInt64> seed) {
    return tf.stopGradient(tf.random.statelessRandomNormal(tf.concat(List.of(rows, tf.constant(new int[] {latent})),
        tf.constant(0)), seed));
  }
}
