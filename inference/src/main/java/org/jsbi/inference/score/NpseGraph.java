package org.jsbi.inference.score;

import java.util.List;
import org.jsbi.inference.density.SteppedSampling;
import org.jsbi.inference.field.FieldGraph;
import org.jsbi.inference.field.Ode;
import org.jsbi.inference.field.VectorField;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Neural posterior score estimation (Song et al. 2021; Sharrock et al. 2024; Geffner et al. 2023) for q(u | c): a
 * network ε̂(θ_λ, τ, c) predicts the noise in θ_λ = m u + s ε ({@link Diffusion}), which is the score,
 * ∇log p_λ(θ_λ | c) = −ε̂ / s. It is trained by denoising score matching, |ε̂ − ε|², at noise levels drawn half
 * uniformly in λ and half as uniform times of the VP SDE's linear schedule ({@link Diffusion#trainingLambda}). Draws start from N(0, (m² + s²) I) at τ = 1 and follow either the
 * probability-flow ODE by the classical Runge–Kutta scheme, or the reverse SDE by Euler–Maruyama steps, both on a
 * grid uniform in λ, in the graph, batched over every row. The log-density is the probability-flow ODE's
 * ({@link Ode}): exact divergence up to {@value Ode#EXACT_LIMIT} dimensions of θ, Hutchinson's estimate above.
 */
final class NpseGraph extends FieldGraph {
  private final NpseSpec spec;
  private final Diffusion diffusion;
  private final VectorField field;

  NpseGraph(Parameters p, int dim, int conditionDim, NpseSpec spec) {
    super(dim);
    this.spec = spec;
    this.diffusion = spec.diffusion();
    this.field = new VectorField(p, "score", dim, conditionDim, spec.hidden(), spec.blocks());
  }

  /** dim for the ODE's start; for the SDE also dim per step but the last, which adds no noise. */
  @Override
  public int noiseDim() {
    return spec.sde() ? dim * spec.sdeSteps() : dim;
  }

  /** |ε̂(m u + s ε, τ, c) − ε|² per row, with ε ~ N(0, I) and λ from {@link Diffusion#trainingLambda}. */
  @Override
  public Operand<TFloat32> trainingLoss(Ops tf, Operand<TFloat32> u, Operand<TFloat32> c, Operand<TInt64> seed) {
    Operand<TFloat32>[] draws = trainingDraws(tf, u, seed);
    Operand<TFloat32> eps = draws[0];
    Operand<TFloat32> lambda = diffusion.trainingLambda(tf, draws[1]);
    Operand<TFloat32> tau = tf.stopGradient(tf.math.div(tf.math.sub(lambda, tf.constant((float) diffusion.lambda(0))),
        tf.constant((float) diffusion.span())));
    Operand<TFloat32>[] k = diffusion.coefficients(tf, lambda);
    Operand<TFloat32> noisy = tf.math.add(tf.math.mul(k[0], u), tf.math.mul(k[1], eps));
    Operand<TFloat32> predicted = field.apply(tf, tf.math.mul(k[2], noisy), tau, field.condition(tf, c));
    return tf.reduceSum(tf.math.square(tf.math.sub(predicted, eps)), tf.constant(1));
  }

  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    List<Operand<TFloat32>> c = field.condition(tf, condition);
    Operand<TFloat32> start = tf.math.mul(tf.constant((float) diffusion.terminalScale()), spec.sde()
        ? tf.slice(noise, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, dim})) : noise);
    return spec.sde() ? reverseSde(tf, start, noise, c) : Ode.solve(tf, start, Ode.uniform(1, 0, spec.steps()),
        velocity(c));
  }

  /**
   * Euler–Maruyama on the reverse SDE from τ = 1 to 0 in equal steps of λ, δ = Λ / n: θ ← θ − δ (r θ + 2 s ε̂) +
   * √(2δ) s z, with z the next {@code dim} columns of noise, and no noise on the last step.
   */
  private Operand<TFloat32> reverseSde(Ops tf, Operand<TFloat32> theta, Operand<TFloat32> noise,
      List<Operand<TFloat32>> c) {
    int n = spec.sdeSteps();
    double delta = diffusion.span() / n;
    for (int i = 0; i < n; i++) {
      double tau = 1 - (double) i / n;
      double lambda = diffusion.lambda(tau);
      double s = diffusion.s(lambda);
      Operand<TFloat32> eps = predict(tf, theta, tau, lambda, c);
      theta = tf.math.sub(tf.math.mul(tf.constant((float) (1 - delta * diffusion.rate(lambda))), theta),
          tf.math.mul(tf.constant((float) (2 * delta * s)), eps));
      if (i + 1 < n) {
        Operand<TFloat32> z = tf.slice(noise, tf.constant(new int[] {0, (i + 1) * dim}),
            tf.constant(new int[] {-1, dim}));
        theta = Ode.axpy(tf, (float) (Math.sqrt(2 * delta) * s), z, theta);
      }
    }
    return theta;
  }

  /**
   * With a tolerance (and the ODE sampler), draws by the adaptive Dormand–Prince solver along the probability-flow
   * ODE from τ = 1 to 0, its coefficients computed per row from each row's own τ.
   */
  @Override
  public SteppedSampling steppedSampling() {
    float scale = (float) diffusion.terminalScale();
    float span = (float) diffusion.span();
    float lambda0 = (float) diffusion.lambda(0);
    return adaptive("npse", spec.tolerance(), 1, 0, (tf, noise) -> tf.math.mul(tf.constant(scale), noise),
        (tf, condition) -> {
          List<Operand<TFloat32>> c = field.condition(tf, condition);
          return (ops, theta, tau) -> {
            Operand<TFloat32> lambda = ops.math.add(ops.constant(lambda0), ops.math.mul(ops.constant(span), tau));
            Operand<TFloat32>[] k = diffusion.coefficients(ops, lambda);
            Operand<TFloat32> eps = field.apply(ops, ops.math.mul(k[2], theta), tau, c);
            Operand<TFloat32> drift = ops.math.mul(k[1], eps);
            if (diffusion.variancePreserving()) {
              drift = ops.math.sub(drift, ops.math.mul(ops.math.square(k[1]), theta)); // r = −s²
            }
            return ops.math.mul(ops.constant(span), drift);
          };
        });
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition,
      Operand<TFloat32> noise) {
    return Ode.logProb(tf, input, Ode.uniform(0, 1, spec.steps()), velocity(field.condition(tf, condition)), dim,
        probe(noise), diffusion.terminalScale());
  }

  /** The probability-flow ODE in τ: dθ/dτ = Λ (r θ + s ε̂). */
  private Ode.Velocity velocity(List<Operand<TFloat32>> c) {
    double span = diffusion.span();
    return (tf, theta, tau) -> {
      double lambda = diffusion.lambda(tau);
      Operand<TFloat32> eps = predict(tf, theta, tau, lambda, c);
      return tf.math.add(tf.math.mul(tf.constant((float) (span * diffusion.rate(lambda))), theta),
          tf.math.mul(tf.constant((float) (span * diffusion.s(lambda))), eps));
    };
  }

  private Operand<TFloat32> predict(Ops tf, Operand<TFloat32> theta, double tau, double lambda,
      List<Operand<TFloat32>> c) {
    Operand<TFloat32> in = tf.math.mul(tf.constant((float) diffusion.inputScale(lambda)), theta);
    return field.apply(tf, in, tf.constant(new float[][] {{(float) tau}}), c);
  }
}
