package org.jsbi.inference.field;

import org.jsbi.inference.density.EstimatorSpec;
import org.jsbi.inference.density.SpecFactory;

/** The training defaults of the estimators that learn a field over θ and time ({@code fmpe}, {@code npse}). */
public abstract class FieldFactory<S extends EstimatorSpec> extends SpecFactory<S> {
  protected FieldFactory(S spec) {
    super(spec);
  }

  /** 10⁻³: a regression on noise is noisier than a likelihood; sbi's flow matching trains at 5·10⁻⁴. */
  @Override
  public double defaultLearningRate() {
    return 1e-3;
  }

  /**
   * 100: the validation loss of a noisy regression plateaus long before the field stops sharpening. On two-moons at
   * 10⁴ {@code fmpe} stopped after 137 epochs at sbi's patience of 20, with a mean C2ST of 0.800; patience 100 ran
   * 595 epochs to 0.615 (docs/benchmark-history.md, "Flow matching").
   */
  @Override
  public int defaultPatience() {
    return 100;
  }

  /**
   * No: each log-density call integrates the field and its divergence over the solver's steps. As NLE's likelihood on
   * two-moons (2,000 simulations, at 0284f84, before NLE refused it) {@code fmpe} drew 1,000 MCMC draws in 135 s in
   * 4,493 calls, about 30 ms each, against about 5 s for 10,000 draws with maf (docs/benchmark-history.md, "Flow
   * matching").
   */
  @Override
  public boolean cheapLogProb() {
    return false;
  }

  /** Checks a solver's tolerance: 0 for fixed steps, else the adaptive solver's error per step. */
  public static void checkTolerance(double tolerance) {
    if (!(tolerance == 0 || tolerance >= 1e-7 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance: expected 0 (fixed Runge–Kutta steps) or an adaptive solver's "
          + "error per step from 1e-7 to below 1, got " + tolerance);
    }
  }

  /** The tolerance among saved hyper-parameters: 0 (fixed steps) for estimators saved before it existed. */
  public static double tolerance(java.util.Map<String, String> hyperParameters) {
    String t = hyperParameters.get("tolerance");
    return t == null ? 0 : Double.parseDouble(t);
  }
}
