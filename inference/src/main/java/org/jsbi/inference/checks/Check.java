package org.jsbi.inference.checks;

/**
 * One check of an observation, prepared once for a model and posterior (reference simulations drawn, estimators
 * fitted) and then run on each observation. {@link CheckSuite} picks the checks that apply to a posterior's
 * capabilities; each check's Javadoc says which capability it needs.
 */
public interface Check {
  /** The check's id, as in its results, e.g. {@code mmd}. */
  String name();

  /**
   * Runs the check on observation {@code xo}.
   *
   * @param seed seeds whatever the check draws for this observation
   * @throws IllegalStateException when the check cannot run on this observation; the suite notes why
   */
  Observed test(double[] xo, long seed);

  /**
   * What a check found: its result and, for a predictive check, the observation's quantile per data dimension
   * among the predictive simulations and those simulations (null for the others).
   */
  record Observed(CheckResult result, double[] quantiles, org.jsbi.api.Batch predictive) {
    public Observed(CheckResult result) {
      this(result, null, null);
    }

    public Observed(CheckResult result, double[] quantiles) {
      this(result, quantiles, null);
    }
  }

  /** Runs a check on one observation, as {@link #test} does. */
  @FunctionalInterface
  interface Test {
    Observed apply(double[] xo, long seed);
  }

  /** The check named {@code name} that {@code test} runs. */
  static Check of(String name, Test test) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(test, "test");
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Observed test(double[] xo, long seed) {
        return test.apply(xo, seed);
      }
    };
  }
}
