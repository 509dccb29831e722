package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.EmbeddedGraph;
import org.jsbi.inference.density.EstimatorSpec;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.tensorflow.op.Ops;

/**
 * The kind and hyper-parameters of a flow. sbi's defaults: 50 hidden units, 5 transforms, 10 spline bins.
 *
 * @param kind {@code maf}, {@code nsf} or {@code coupling}
 * @param hidden hidden units per layer
 * @param transforms number of stacked transforms
 * @param bins spline bins ({@code nsf} only; 0 otherwise)
 * @param embedding the embedding network applied to the condition, or null for none
 */
public record FlowSpec(String kind, int hidden, int transforms, int bins, EmbeddingSpec embedding)
    implements EstimatorSpec {
  /**
   * The splines act on [−5, 5] in standardized units; outside they are the identity. sbi uses 3, but each spline
   * maps its interval onto itself, and expanding a narrow, off-centre conditional into unit noise inside [−3, 3]
   * crushes one side against the fixed end: on the estimator contract's 2-D case the fitted standard deviation
   * was 0.33 for a true 0.30 (validation loss 1.676), against 0.296 (1.668) with 5. Set this to 3 and run NsfTest
   * to see the first: sampleMomentsAreCloseToTheTrueConditional fails on that coordinate.
   */
  public static final float TAIL_BOUND = 5f;

  /**
   * The coupling flows' graph revision, saved with them: 2 added the conditional standardization and the
   * zero-started conditioner outputs, so weights saved by revision 1 mean something else.
   */
  static final String COUPLING_REVISION = "2";

  /** The MAF's graph revision: 2 shuffles the dimensions between transforms, where revision 1 reversed them. */
  static final String MAF_REVISION = "2";

  public FlowSpec {
    if (!java.util.Set.of("maf", "nsf", "coupling").contains(kind)) {
      throw new IllegalArgumentException("kind: expected 'maf', 'nsf' or 'coupling', got '" + kind + "'");
    }
    Arguments.positive("hidden", hidden);
    Arguments.positive("transforms", transforms);
    if (kind.equals("nsf") && bins < 2) {
      throw new IllegalArgumentException("bins: expected at least 2 spline bins, got " + bins);
    }
  }

  /** The same flow with an embedding network of two {@code hidden}-unit ReLU layers down to {@code dim} features. */
  public FlowSpec withEmbedding(int dim, int hidden) {
    return withEmbedding(EmbeddingSpec.mlp(dim, hidden));
  }

  /** The same flow with {@code embedding} applied to the condition. */
  public FlowSpec withEmbedding(EmbeddingSpec embedding) {
    return new FlowSpec(kind, hidden, transforms, bins, java.util.Objects.requireNonNull(embedding, "embedding"));
  }

  /** The embedding's output size, or 0 without one. */
  public int embeddingDim() {
    return embedding == null ? 0 : embedding.features();
  }

  public static FlowSpec maf() {
    return new FlowSpec("maf", 50, 5, 0, null);
  }

  public static FlowSpec nsf() {
    return new FlowSpec("nsf", 50, 5, 10, null);
  }

  public static FlowSpec coupling() {
    return new FlowSpec("coupling", 50, 5, 0, null);
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      // the flow's variables first, then the embedding's, in the order they were always created
      FlowGraph flow = buildFlow(tf, p, dim, embedding.features());
      return new EmbeddedGraph(flow, embedding.build(p, conditionDim));
    }
    return buildFlow(tf, p, dim, conditionDim);
  }

  @Override
  public Standardization conditionStandardization(Batch condition) {
    return embedding == null ? Standardization.of(condition) : embedding.standardization(condition);
  }

  private FlowGraph buildFlow(Ops tf, Parameters p, int dim, int conditionDim) {
    return switch (kind) {
      case "maf" -> new MafGraph(tf, p, dim, conditionDim, hidden, transforms);
      case "nsf" -> new CouplingGraph(tf, p, "nsf", new RationalQuadraticSpline(bins, TAIL_BOUND), dim,
          conditionDim, hidden, transforms);
      default -> new CouplingGraph(tf, p, "coupling", new AffineTransform(), dim, conditionDim, hidden, transforms);
    };
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("transforms", Integer.toString(transforms));
    m.put("revision", revision(kind));
    if (bins > 0) {
      m.put("bins", Integer.toString(bins));
      m.put("tailBound", Float.toString(TAIL_BOUND));
    }
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  private static String revision(String kind) {
    return kind.equals("maf") ? MAF_REVISION : COUPLING_REVISION;
  }

  static FlowSpec fromHyperParameters(String kind, Map<String, String> m) {
    if (!revision(kind).equals(m.get("revision"))) {
      throw new IllegalArgumentException("hyperParameters: this " + kind + " estimator was saved by an earlier jsbi "
          + "whose flow had another graph (revision " + m.getOrDefault("revision", "1") + ", this jsbi reads "
          + revision(kind) + "); retrain it with this version");
    }
    String bound = m.get("tailBound");
    if (bound != null && Float.parseFloat(bound) != TAIL_BOUND) {
      throw new IllegalArgumentException("hyperParameters: this estimator was saved with spline tail bound " + bound
          + ", but this jsbi uses " + TAIL_BOUND + "; retrain it with this version");
    }
    try {
      return new FlowSpec(kind, Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("transforms")),
          Integer.parseInt(m.getOrDefault("bins", "0")), EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'transforms' and 'bins', got "
          + m);
    }
  }
}
