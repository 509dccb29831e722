package org.jsbi.inference.fm;

import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.field.FieldFactory;
import org.jsbi.inference.field.Ode;

/** Trains and restores flow-matching estimators of one {@link FmpeSpec}. */
public final class FmpeFactory extends FieldFactory<FmpeSpec> {
  public FmpeFactory(FmpeSpec spec) {
    super(spec);
  }

  @Override
  protected FmpeSpec specOf(java.util.Map<String, String> hyperParameters) {
    return FmpeSpec.fromHyperParameters(hyperParameters);
  }

  @Override
  protected FmpeFactory with(FmpeSpec spec) {
    return new FmpeFactory(spec);
  }

  @Override
  protected FmpeSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  /** The solver's: the weights are the same whichever draws them. */
  @Override
  public java.util.Set<String> samplingOptions() {
    return java.util.Set.of("steps", "tolerance");
  }

  @Override
  public String description() {
    String embedding = EmbeddingSpec.describe(spec.embedding());
    return "flow matching: a vector field of " + (spec.blocks() + 1) + " SiLU layers of " + spec.hidden()
        + " units, integrated by " + (spec.tolerance() > 0 ? "the adaptive Dormand–Prince solver (tolerance "
        + spec.tolerance() + ") for draws and " : "") + spec.steps() + " Runge–Kutta steps"
        + "; log-density by the divergence, exact up to "
        + Ode.EXACT_LIMIT + " dimensions, Hutchinson's estimate above (Lipman et al. 2023; Dax et al. 2023)"
        + embedding;
  }
}
