package org.jsbi.inference.gan;

import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores adversarial posteriors of one {@link GatsbiSpec}. */
public final class GatsbiFactory extends SpecFactory<GatsbiSpec> {
  /** What a caller that needs a log-density hears. */
  public static final String NO_DENSITY = "gatsbi draws samples only: an adversarially trained generator has no "
      + "log-density, which NLE, MAP search, HPD coverage and importance sampling need; use maf, nsf or coupling there";

  public GatsbiFactory(GatsbiSpec spec) {
    super(spec);
  }

  @Override
  protected GatsbiSpec specOf(java.util.Map<String, String> hyperParameters) {
    return GatsbiSpec.fromHyperParameters(hyperParameters);
  }

  @Override
  protected GatsbiFactory with(GatsbiSpec spec) {
    return new GatsbiFactory(spec);
  }

  /**
   * 5·10⁻⁴ for both players. On two-moons at 10⁴ (observations 1–3, {@code AdversarialSettings}) GATSBI's 10⁻⁴
   * reached a mean C2ST of 0.864 in 743 epochs, 5·10⁻⁴ 0.606 in 501, and 10⁻³ collapsed (0.951 after 273).
   */
  @Override
  public double defaultLearningRate() {
    return 5e-4;
  }

  /**
   * 100: the energy score of adversarial training can sit on a plateau for fifty epochs before the generator finds
   * both crescents of two-moons, and a learning-rate drop there ends the game (at 3·10⁻⁴ and patience 50 training
   * stopped after 132 epochs at a mean C2ST of 0.949).
   */
  @Override
  public int defaultPatience() {
    return 100;
  }

  @Override
  public boolean hasLogProb() {
    return false;
  }

  @Override
  public boolean cheapLogProb() {
    return false;
  }

  @Override
  protected GatsbiSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  @Override
  public String description() {
    return "generative adversarial posterior: a generator of " + spec.layers() + " leaky-ReLU layers of "
        + spec.hidden() + " units against a discriminator of " + spec.criticLayers() + " of " + spec.criticHidden()
        + ", stopped on the energy score of its draws; samples only, no log-density (Ramesh et al. 2022)"
        + EmbeddingSpec.describe(spec.embedding());
  }
}
