package org.jsbi.inference.flows;

import org.jsbi.inference.density.SpecFactory;
import org.jsbi.inference.embeddings.EmbeddingSpec;

/** Trains and restores flows of one {@link FlowSpec}. */
public final class FlowFactory extends SpecFactory<FlowSpec> {
  public FlowFactory(FlowSpec spec) {
    super(spec);
  }

  @Override
  protected FlowSpec specOf(java.util.Map<String, String> hyperParameters) {
    return FlowSpec.fromHyperParameters(spec.kind(), hyperParameters);
  }

  @Override
  protected FlowFactory with(FlowSpec spec) {
    return new FlowFactory(spec);
  }

  /** The graph's revision is the format's business: a saved flow keeps its own, a new one gets the current. */
  @Override
  protected java.util.Set<String> fixed() {
    return java.util.Set.of("revision");
  }

  /** The flow this factory trains. */
  FlowSpec spec() {
    return spec;
  }

  /**
   * 2e-3, four times sbi's rate. With one learning-rate drop to finish, it trained the spline flow to a lower C2ST
   * than 5e-4 in most NPE cells at 10³ and 10⁴ simulations, in fewer epochs (docs/benchmark-history.md). The cVAE
   * keeps 5e-4:
   * at 2e-3 it fitted a bimodal conditional far worse (CvaeTest's KL rose from below 0.05 to 0.54 nats).
   */
  @Override
  public double defaultLearningRate() {
    return 2e-3;
  }

  @Override
  protected FlowSpec embedded(EmbeddingSpec embedding) {
    return spec.withEmbedding(embedding);
  }

  @Override
  protected String builder() {
    return "its flows";
  }

  @Override
  public String description() {
    String embedding = EmbeddingSpec.describe(spec.embedding());
    return flowDescription() + embedding;
  }

  private String flowDescription() {
    return switch (spec.kind()) {
      case "maf" -> "masked autoregressive flow, " + spec.transforms() + " transforms of " + spec.hidden()
          + " hidden units (Papamakarios et al. 2017)";
      case "nsf" -> "neural spline flow, " + spec.transforms() + " rational-quadratic coupling transforms, "
          + spec.bins() + " bins, " + spec.hidden() + " hidden units (Durkan et al. 2019)";
      case "coupling" -> "RealNVP affine coupling flow, " + spec.transforms() + " transforms of " + spec.hidden()
          + " hidden units (Dinh et al. 2017)";
      default -> spec.kind();
    };
  }
}
