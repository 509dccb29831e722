package org.jsbi.inference.score;

import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.field.FieldFactory;

/** Trains and restores score-based estimators of one {@link NpseSpec}. */
public final class NpseFactory extends FieldFactory<NpseSpec> {
  public NpseFactory(NpseSpec spec) {
    super(spec);
  }

  @Override
  protected NpseSpec specOf(java.util.Map<String, String> hyperParameters) {
    return NpseSpec.fromHyperParameters(hyperParameters);
  }

  @Override
  protected NpseFactory with(NpseSpec spec) {
    return new NpseFactory(spec);
  }

  @Override
  protected NpseSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  /** The solver's: the weights are the same whichever draws them. */
  @Override
  public java.util.Set<String> samplingOptions() {
    return java.util.Set.of("sampler", "steps", "sdeSteps", "tolerance");
  }

  @Override
  public String description() {
    return "score-based diffusion (" + spec.process().toUpperCase(java.util.Locale.ROOT) + "): a noise predictor of "
        + (spec.blocks() + 1) + " SiLU layers of " + spec.hidden() + " units, trained by denoising score matching; "
        + ("sde".equals(spec.sampler()) ? spec.sdeSteps() + " Euler–Maruyama steps of the reverse SDE per draw"
            : spec.tolerance() > 0 ? "the probability-flow ODE by the adaptive Dormand–Prince solver (tolerance "
            + spec.tolerance() + ") per draw"
            : spec.steps() + " Runge–Kutta steps of the probability-flow ODE per draw")
        + "; log-density by " + spec.steps() + " Runge–Kutta steps of the probability-flow ODE (Song et al. 2021; "
        + "Geffner et al. 2023)" + EmbeddingSpec.describe(spec.embedding());
  }
}
