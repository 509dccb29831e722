package org.jsbi.inference.fm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.EmbeddedGraph;
import org.jsbi.inference.density.EstimatorSpec;
import org.jsbi.inference.embeddings.EmbeddingSpec;
import org.jsbi.inference.field.FieldFactory;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.op.Ops;

/**
 * The hyper-parameters of a flow-matching estimator ({@link FmpeGraph}).
 *
 * @param hidden units per layer of the vector field
 * @param blocks residual layers after the first
 * @param steps Runge–Kutta steps from noise to θ (four evaluations of the field each), for sampling and the
 *     log-density alike
 * @param sigmaMin the path's width at t = 1
 * @param timePower a: half the training times are drawn uniformly, half with density ∝ t^a on [0, 1] (0: all
 *     uniform)
 * @param tolerance 0 to draw by {@code steps} Runge–Kutta steps, or the error per step of the adaptive
 *     Dormand–Prince solver that draws instead ({@link org.jsbi.inference.field.DormandPrince}); the log-density
 *     keeps the fixed steps
 * @param embedding an embedding network for the condition, or null
 */
public record FmpeSpec(int hidden, int blocks, int steps, double sigmaMin, double timePower, double tolerance,
    EmbeddingSpec embedding)
    implements EstimatorSpec {
  public FmpeSpec {
    Arguments.positive("hidden", hidden);
    if (blocks < 0) {
      throw new IllegalArgumentException("blocks: expected 0 or more residual layers, got " + blocks);
    }
    Arguments.positive("steps", steps);
    if (!(sigmaMin >= 0 && sigmaMin < 1)) {
      throw new IllegalArgumentException("sigmaMin: expected a width from 0 to below 1, got " + sigmaMin);
    }
    if (!(timePower >= 0 && timePower < 100)) {
      throw new IllegalArgumentException("timePower: expected a power from 0 (uniform times) to below 100, got "
          + timePower);
    }
    FieldFactory.checkTolerance(tolerance);
  }

  /**
   * 64 units, 4 residual layers after the first, 20 Runge–Kutta steps (80 evaluations), σ_min 10⁻³, uniform training
   * times (Lipman et al.). Times weighted towards θ (power 4) sharpened two-moons' crescents in some trials and not in
   * others, and alone they fitted a 1-D Gaussian too wide; docs/benchmark-history.md, "Flow matching", says what was measured.
   */
  public static FmpeSpec defaults() {
    return new FmpeSpec(64, 4, 20, 1e-3, 0, 0, null);
  }

  @Override
  public String kind() {
    return "fmpe";
  }

  /**
   * No. With the weights averaged (as {@code npse}'s are) the validation loss, smoother, stopped improving sooner:
   * on two-moons at 10⁴ training stopped after 381 epochs instead of 595, with a mean C2ST of 0.791 instead of 0.615
   * (docs/benchmark-history.md, "Flow matching"). Flow matching's loss is a poor guide to how sharp its field is, and the longer
   * run is what helps.
   */
  @Override
  public boolean averagesWeights() {
    return false;
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("blocks", Integer.toString(blocks));
    m.put("steps", Integer.toString(steps));
    m.put("sigmaMin", Double.toString(sigmaMin));
    m.put("timePower", Double.toString(timePower));
    m.put("tolerance", Double.toString(tolerance));
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  static FmpeSpec fromHyperParameters(Map<String, String> m) {
    try {
      return new FmpeSpec(Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("blocks")),
          Integer.parseInt(m.get("steps")), Double.parseDouble(m.get("sigmaMin")),
          Double.parseDouble(m.get("timePower")), FieldFactory.tolerance(m), EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'blocks' and 'steps' and "
          + "numbers 'sigmaMin' and 'timePower' for fmpe, got " + m);
    }
  }

  /** The same estimator with {@code embedding} applied to the condition. */
  public FmpeSpec withEmbedding(EmbeddingSpec embedding) {
    return new FmpeSpec(hidden, blocks, steps, sigmaMin, timePower, tolerance, java.util.Objects.requireNonNull(
        embedding, "embedding"));
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      FmpeGraph fm = new FmpeGraph(p, dim, embedding.features(), this);
      return new EmbeddedGraph(fm, embedding.build(p, conditionDim));
    }
    return new FmpeGraph(p, dim, conditionDim, this);
  }

  @Override
  public Standardization conditionStandardization(Batch c) {
    return embedding == null ? EstimatorSpec.super.conditionStandardization(c) : embedding.standardization(c);
  }
}
