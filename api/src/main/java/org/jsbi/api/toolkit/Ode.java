package org.jsbi.api.toolkit;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * Solve an ordinary differential equation, then observe it at given times: the core of many simulators. Integrates
 * dy/dt = f(t, y) with Commons Math's adaptive Dormand–Prince 8(5,3) method to tolerances. A solve that fails
 * (the step size falls below its minimum, too many evaluations, a state that becomes NaN or infinite) throws an
 * {@link Failure} that says where and why; the simulation runner records it as an invalid simulation with that
 * reason.
 *
 * <pre>{@code
 * // Lotka–Volterra: prey and predators, observed every 2 time units
 * double[][] y = Ode.solve((t, s, ds) -> {
 *   ds[0] = alpha * s[0] - beta * s[0] * s[1];
 *   ds[1] = delta * s[0] * s[1] - gamma * s[1];
 * }, 0, new double[] {30, 1}, Ode.times(2, 2, 20), Ode.Tolerances.defaults());
 * }</pre>
 */
public final class Ode {
  private Ode() {}

  /** The right-hand side f(t, y): writes dy/dt into {@code dydt}. */
  @FunctionalInterface
  public interface System {
    void derivatives(double t, double[] y, double[] dydt);
  }

  /**
   * How exactly and how long to integrate.
   *
   * @param absolute absolute error tolerance per step
   * @param relative relative error tolerance per step
   * @param minStep smallest step allowed; a solve that needs a smaller one fails (a stiff or blowing-up system)
   * @param maxEvaluations most evaluations of f for the whole solve
   */
  public record Tolerances(double absolute, double relative, double minStep, int maxEvaluations) {
    public Tolerances {
      if (!(absolute > 0) || !(relative > 0) || !(minStep > 0) || maxEvaluations <= 0) {
        throw new IllegalArgumentException("tolerances: expected positive absolute, relative, minStep and "
            + "maxEvaluations, got " + absolute + ", " + relative + ", " + minStep + " and " + maxEvaluations);
      }
    }

    /** 1e-8 absolute and relative, steps down to 1e-10, at most 10⁶ evaluations. */
    public static Tolerances defaults() {
      return new Tolerances(1e-8, 1e-8, 1e-10, 1_000_000);
    }
  }

  /** A solve that failed; its message says at which time and why. */
  public static final class Failure extends IllegalStateException {
    Failure(String message) {
      super(message);
    }
  }

  /** {@code count} evenly spaced times: first, first + step, … */
  public static double[] times(double first, double step, int count) {
    double[] t = new double[count];
    for (int i = 0; i < count; i++) {
      t[i] = first + i * step;
    }
    return t;
  }

  /**
   * The state y at each of {@code times}, from y({@code t0}) = {@code y0}: row i is y(times[i]).
   *
   * @param times observation times, increasing and not before {@code t0}
   * @throws Failure when the integration fails, or the state stops being finite
   */
  public static double[][] solve(System f, double t0, double[] y0, double[] times, Tolerances tolerances) {
    for (int i = 0; i < times.length; i++) {
      if (!(times[i] >= (i == 0 ? t0 : times[i - 1]))) {
        throw new IllegalArgumentException("times: expected increasing times from t0 = " + t0 + ", got "
            + Arrays.toString(times));
      }
    }
    int dim = y0.length;
    FirstOrderDifferentialEquations equations = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return dim;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] dydt) {
        f.derivatives(t, y, dydt);
      }
    };
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(tolerances.minStep(),
        Double.POSITIVE_INFINITY, tolerances.absolute(), tolerances.relative());
    integrator.setMaxEvaluations(tolerances.maxEvaluations());
    double[][] out = new double[times.length][];
    double[] y = y0.clone();
    double t = t0;
    for (int i = 0; i < times.length; i++) {
      if (times[i] > t) {
        try {
          integrator.integrate(equations, t, y, times[i], y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
          throw new Failure("ODE solve failed between t = " + t + " and t = " + times[i] + ": " + e.getMessage());
        }
        t = times[i];
      }
      for (double v : y) {
        if (!Double.isFinite(v)) {
          throw new Failure("ODE state became " + v + " by t = " + t + ": " + Arrays.toString(y));
        }
      }
      out[i] = y.clone();
    }
    return out;
  }

  /** Component {@code j} of each state that {@link #solve} returned: one observed trajectory. */
  public static double[] component(double[][] states, int j) {
    double[] out = new double[states.length];
    for (int i = 0; i < states.length; i++) {
      out[i] = states[i][j];
    }
    return out;
  }
}
