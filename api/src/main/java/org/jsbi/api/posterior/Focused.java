package org.jsbi.api.posterior;

/**
 * The capability of a posterior trained for one observation, as a sequential method's rounds are: it answers only
 * that observation, where an amortized posterior (one without this capability) answers any x. Checks that need
 * the posterior of many simulated data sets (calibration, the calibrated posterior predictive check) do not apply to
 * it, and the command line refuses other observations for it.
 */
public interface Focused {
  /** The observation the posterior was trained for. */
  double[] observation();

  /** Whether {@code x} is the observation (to the last bit). */
  default boolean isFor(double[] x) {
    return java.util.Arrays.equals(observation(), x);
  }
}
