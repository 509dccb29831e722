package org.jsbi.inference.score;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
 * The hyper-parameters of a score-based estimator ({@link NpseGraph}).
 *
 * @param hidden units per layer of the noise predictor
 * @param blocks residual layers after the first
 * @param process {@code vp} (variance preserving) or {@code ve} (variance exploding)
 * @param sigmaMin the noise-to-signal ratio where draws end
 * @param sigmaMax the noise-to-signal ratio where draws start
 * @param sampler {@code ode} (the probability-flow ODE) or {@code sde} (the reverse SDE)
 * @param steps Runge–Kutta steps of the probability-flow ODE (four evaluations each), for the ODE sampler and the
 *     log-density
 * @param sdeSteps Euler–Maruyama steps of the reverse SDE (one evaluation each)
 * @param tolerance 0 for the ODE sampler's {@code steps}, or the error per step of the adaptive Dormand–Prince solver
 *     that draws instead ({@link org.jsbi.inference.field.DormandPrince}); the log-density keeps the fixed steps
 * @param embedding an embedding network for the condition, or null
 */
public record NpseSpec(int hidden, int blocks, String process, double sigmaMin, double sigmaMax, String sampler,
    int steps, int sdeSteps, double tolerance, EmbeddingSpec embedding) implements EstimatorSpec {
  public NpseSpec {
    Arguments.positive("hidden", hidden);
    if (blocks < 0) {
      throw new IllegalArgumentException("blocks: expected 0 or more residual layers, got " + blocks);
    }
    if (!"vp".equals(process) && !"ve".equals(process)) {
      throw new IllegalArgumentException("process: expected 'vp' or 've', got '" + process + "'");
    }
    if (!"ode".equals(sampler) && !"sde".equals(sampler)) {
      throw new IllegalArgumentException("sampler: expected 'ode' or 'sde', got '" + sampler + "'");
    }
    Arguments.positive("steps", steps);
    Arguments.positive("sdeSteps", sdeSteps);
    FieldFactory.checkTolerance(tolerance);
    if (tolerance > 0 && "sde".equals(sampler)) {
      throw new IllegalArgumentException("tolerance: the adaptive solver draws by the probability-flow ODE, got "
          + "tolerance " + tolerance + " with sampler 'sde'; set sampler=ode, or tolerance=0");
    }
    new Diffusion(true, sigmaMin, sigmaMax); // checks the range
  }

  /**
   * 64 units, 4 residual layers after the first (the field of {@code fmpe}), the variance-preserving process from a
   * noise-to-signal ratio of 30 down to 10⁻³, probability-flow ODE draws by 20 Runge–Kutta steps (80 evaluations),
   * 100 Euler–Maruyama steps when the SDE sampler is chosen. On two-moons at 10⁴ (docs/benchmark-history.md, "Score-based
   * diffusion") the ODE's C2ST stopped changing at 10 steps and the SDE's at 50; 20 keep the log-density, which
   * the same steps integrate, well converged.
   */
  public static NpseSpec defaults() {
    return new NpseSpec(64, 4, "vp", 1e-3, 30, "ode", 20, 100, 0, null);
  }

  /** The variance-exploding process, from σ = 30 down to 10⁻³, otherwise the {@link #defaults()}. */
  public static NpseSpec varianceExploding() {
    return new NpseSpec(64, 4, "ve", 1e-3, 30, "ode", 20, 100, 0, null);
  }

  @Override
  public String kind() {
    return "npse";
  }

  Diffusion diffusion() {
    return new Diffusion("vp".equals(process), sigmaMin, sigmaMax);
  }

  boolean sde() {
    return "sde".equals(sampler);
  }

  /** The same estimator drawing by {@code sampler}, {@code ode} or {@code sde}. */
  public NpseSpec withSampler(String sampler) {
    return new NpseSpec(hidden, blocks, process, sigmaMin, sigmaMax, sampler, steps, sdeSteps, tolerance, embedding);
  }

  /** The same estimator with {@code embedding} applied to the condition. */
  public NpseSpec withEmbedding(EmbeddingSpec embedding) {
    return new NpseSpec(hidden, blocks, process, sigmaMin, sigmaMax, sampler, steps, sdeSteps, tolerance,
        Objects.requireNonNull(embedding, "embedding"));
  }

  /**
   * Yes: a regression on noise leaves the last step's weights jittering around the fit. On two-moons at 10⁴ the
   * averaged weights took the mean C2ST from 0.579 to 0.551, better on every observation
   * (docs/benchmark-history.md, "Score-based diffusion").
   */
  @Override
  public boolean averagesWeights() {
    return true;
  }

  @Override
  public Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("blocks", Integer.toString(blocks));
    m.put("process", process);
    m.put("sigmaMin", Double.toString(sigmaMin));
    m.put("sigmaMax", Double.toString(sigmaMax));
    m.put("sampler", sampler);
    m.put("steps", Integer.toString(steps));
    m.put("sdeSteps", Integer.toString(sdeSteps));
    m.put("tolerance", Double.toString(tolerance));
    if (embedding != null) {
      m.putAll(embedding.hyperParameters());
    }
    return m;
  }

  static NpseSpec fromHyperParameters(Map<String, String> m) {
    try {
      return new NpseSpec(Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("blocks")), m.get("process"),
          Double.parseDouble(m.get("sigmaMin")), Double.parseDouble(m.get("sigmaMax")), m.get("sampler"),
          Integer.parseInt(m.get("steps")), Integer.parseInt(m.get("sdeSteps")), FieldFactory.tolerance(m),
          EmbeddingSpec.fromHyperParameters(m));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'blocks', 'steps' and "
          + "'sdeSteps', numbers 'sigmaMin' and 'sigmaMax', 'process' and 'sampler' for npse, got " + m);
    }
  }

  @Override
  public DensityGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    if (embedding != null) {
      return new EmbeddedGraph(new NpseGraph(p, dim, embedding.features(), this), embedding.build(p, conditionDim));
    }
    return new NpseGraph(p, dim, conditionDim, this);
  }

  @Override
  public Standardization conditionStandardization(Batch c) {
    return embedding == null ? EstimatorSpec.super.conditionStandardization(c) : embedding.standardization(c);
  }
}
