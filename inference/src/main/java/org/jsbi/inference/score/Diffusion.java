package org.jsbi.inference.score;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The forward noising process of a score-based estimator, θ_λ = m(λ) θ_0 + s(λ) ε with ε ~ N(0, I), indexed by
 * λ = log(s / m), the log noise-to-signal ratio (−½ log SNR; Kingma et al. 2021), which runs from log σ_min to
 * log σ_max as the time τ = (λ − log σ_min) / Λ runs from 0 to 1 (Λ = log(σ_max / σ_min)):
 * <ul>
 *   <li>variance exploding (VE; Song et al. 2021): m = 1, s = e^λ = σ, the noise added to θ;
 *   <li>variance preserving (VP): m² = 1 / (1 + e^{2λ}), s² = e^{2λ} / (1 + e^{2λ}), so m² + s² = 1.
 * </ul>
 * Song et al.'s SDEs, dθ = f dt + g dW with their σ(t) and β(t) schedules, are these processes with time
 * reparametrized; which schedule of time is chosen changes nothing but the grid a solver steps on, and a grid
 * uniform in λ keeps the probability-flow ODE's rate at most 1 per unit of λ wherever the data are Gaussian at the
 * scale of the noise (the grid of DPM-Solver, Lu et al. 2022). In λ the reverse SDE is
 * dθ = (r θ + 2 s ε̂) dλ + √2 s dW̄ and its probability-flow ODE dθ/dλ = r θ + s ε̂, where ε̂ = −s ∇log p_λ is the
 * predicted noise and r = d log m / dλ (−s² for VP, 0 for VE).
 *
 * @param variancePreserving VP when true, VE when false
 * @param sigmaMin the noise-to-signal ratio s / m at τ = 0, where draws end
 * @param sigmaMax the noise-to-signal ratio at τ = 1, where they start from N(0, (m² + s²) I)
 */
record Diffusion(boolean variancePreserving, double sigmaMin, double sigmaMax) {
  Diffusion {
    if (!(sigmaMin > 0 && sigmaMax > sigmaMin && Double.isFinite(sigmaMax))) {
      throw new IllegalArgumentException("sigmaMin and sigmaMax: expected 0 < sigmaMin < sigmaMax, got " + sigmaMin
          + " and " + sigmaMax);
    }
  }

  /** Λ = dλ / dτ. */
  double span() {
    return Math.log(sigmaMax / sigmaMin);
  }

  double lambda(double tau) {
    return Math.log(sigmaMin) + tau * span();
  }

  double s(double lambda) {
    return variancePreserving ? Math.sqrt(sigmoid(2 * lambda)) : Math.exp(lambda);
  }

  double m(double lambda) {
    return variancePreserving ? Math.sqrt(sigmoid(-2 * lambda)) : 1;
  }

  /** r = d log m / dλ. */
  double rate(double lambda) {
    return variancePreserving ? -sigmoid(2 * lambda) : 0;
  }

  /** 1 / √(m² + s²): θ_λ scaled to unit variance for the network, when θ_0 has unit variance. */
  double inputScale(double lambda) {
    return variancePreserving ? 1 : 1 / Math.sqrt(1 + Math.exp(2 * lambda));
  }

  /** √(m² + s²) at τ = 1: the base distribution's standard deviation for θ_0 of unit variance. */
  double terminalScale() {
    double l = lambda(1);
    return Math.sqrt(m(l) * m(l) + s(l) * s(l));
  }

  /** The share of training rows whose noise level is uniform in λ (the rest follow the VP SDE's times). */
  static final float UNIFORM_SHARE = 0.25f;

  /**
   * Noise levels for training from two columns of uniform draws {@code u} ([batch, 2]): for the rows whose first
   * column is below {@value #UNIFORM_SHARE}, λ uniform on [log σ_min, log σ_max] (the weighting under which the loss
   * is the diffusion bound on −log q; Kingma et al. 2021); for the others, λ at t uniform on the times of Song et
   * al.'s VP SDE whose λ lies in that range (linear β from {@value #BETA_MIN} to {@value #BETA_MAX}, −2 log m = β_min
   * t + ½ (β_max − β_min) t²), which draws noise levels as denoising diffusion does, rarely below λ ≈ −2 (density ∝
   * e^{2λ}). The same for VE and VP: λ is the same noise-to-signal ratio in both. The VP times alone blurred
   * two-moons' crescents, whose width is learned at the small noise they rarely draw (sbibm's two-moons at 10⁴, mean
   * C2ST 0.783 over observations 1–10); a quarter uniform in λ gave 0.579, a half 0.599 (docs/benchmark-history.md, "Score-based
   * diffusion"). λ uniform alone, tried first, fitted NpseTest's 1-D conditional Gaussian with its mean 0.09 off:
   * its draws went to noise far below the data's scale, where the noise cannot be predicted and the loss is all
   * variance, and a half share still missed that test's mean by 0.078 where a quarter passes.
   */
  Operand<TFloat32> trainingLambda(Ops tf, Operand<TFloat32> u) {
    Operand<TFloat32> which = tf.slice(u, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> v = tf.slice(u, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> flat = tf.math.add(tf.constant((float) lambda(0)), tf.math.mul(tf.constant((float) span()), v));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.less(which, tf.constant(UNIFORM_SHARE)), TFloat32.class);
    return tf.stopGradient(tf.math.add(tf.math.mul(keep, flat), tf.math.mul(tf.math.sub(tf.constant(1f), keep),
        vpLambda(tf, v))));
  }

  private Operand<TFloat32> vpLambda(Ops tf, Operand<TFloat32> v) {
    double lo = vpTime(lambda(0));
    double hi = vpTime(lambda(1));
    Operand<TFloat32> t = tf.math.add(tf.constant((float) lo), tf.math.mul(tf.constant((float) (hi - lo)), v));
    Operand<TFloat32> twiceNegLogMean = tf.math.add(tf.math.mul(tf.constant((float) BETA_MIN), t),
        tf.math.mul(tf.constant((float) (0.5 * (BETA_MAX - BETA_MIN))), tf.math.square(t)));
    Operand<TFloat32> l = tf.math.mul(tf.constant(0.5f), tf.math.log(tf.math.expm1(twiceNegLogMean)));
    return tf.math.minimum(tf.math.maximum(l, tf.constant((float) lambda(0))), tf.constant((float) lambda(1)));
  }

  static final double BETA_MIN = 0.1;
  static final double BETA_MAX = 20;

  /** The VP SDE's time at λ: the root of ½ (β_max − β_min) t² + β_min t = log(1 + e^{2λ}). */
  static double vpTime(double lambda) {
    double a = 0.5 * (BETA_MAX - BETA_MIN);
    double c = lambda > 20 ? 2 * lambda : Math.log1p(Math.exp(2 * lambda));
    return (-BETA_MIN + Math.sqrt(BETA_MIN * BETA_MIN + 4 * a * c)) / (2 * a);
  }

  /** {m, s, the network's input scale} at λ of shape [batch, 1], as tensors (a constant 1 is a scalar). */
  @SuppressWarnings("unchecked")
  Operand<TFloat32>[] coefficients(Ops tf, Operand<TFloat32> lambda) {
    Operand<TFloat32> twice = tf.math.mul(tf.constant(2f), lambda);
    if (variancePreserving) {
      return new Operand[] {tf.math.sqrt(tf.math.sigmoid(tf.math.neg(twice))), tf.math.sqrt(tf.math.sigmoid(twice)),
          tf.constant(1f)};
    }
    return new Operand[] {tf.constant(1f), tf.math.exp(lambda), tf.math.rsqrt(tf.math.add(tf.constant(1f),
        tf.math.exp(twice)))};
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
