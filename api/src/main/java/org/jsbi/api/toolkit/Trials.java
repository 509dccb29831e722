package org.jsbi.api.toolkit;

import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.DataShape;
import org.jsbi.api.Simulator;

/**
 * The simulator of a set model, from the simulator of one trial: for each θ it draws the number of trials N
 * uniformly from [min, max], then N i.i.d. trials, and lays them out as {@link DataShape#trials} says (N first, the
 * trials after, zeros past the N-th). Training on it amortizes a posterior over every N in the range, as sbi's
 * permutation-invariant NPE and BayesFlow do; a model built on it takes its data shape from it.
 *
 * <pre>{@code
 * model("gaussian-trials").prior(Priors.isotropicNormal(2, 0, 1)).simulator(Trials.of(new OneTrial(), 1, 50));
 * }</pre>
 */
public final class Trials implements Simulator {
  /** How the number of trials is drawn for each simulation. */
  public enum Draw {
    /** Every N in [min, max] equally often. */
    UNIFORM,
    /** log N uniform: as many sets with 1 to 2 trials as with 25 to 50, for posteriors that change most at small N. */
    LOG_UNIFORM,
    /** Half the sets drawn as {@link #UNIFORM}, half as {@link #LOG_UNIFORM}. */
    MIXED
  }

  private final Simulator trial;
  private final DataShape shape;
  private final Draw draw;
  private final int fixed; // the number of trials of every set, or 0 to draw it

  private Trials(Simulator trial, DataShape shape, Draw draw, int fixed) {
    this.trial = trial;
    this.shape = shape;
    this.draw = draw;
    this.fixed = fixed;
  }

  /** Sets of {@code minTrials} to {@code maxTrials} trials of {@code trial}, N drawn uniformly. */
  public static Trials of(Simulator trial, int minTrials, int maxTrials) {
    return of(trial, minTrials, maxTrials, Draw.UNIFORM);
  }

  /** Sets of {@code minTrials} to {@code maxTrials} trials of {@code trial}, N drawn as {@code draw} says. */
  public static Trials of(Simulator trial, int minTrials, int maxTrials, Draw draw) {
    java.util.Objects.requireNonNull(trial, "trial");
    Arguments.positive("minTrials", minTrials);
    if (maxTrials < minTrials) {
      throw new IllegalArgumentException("maxTrials: expected at least minTrials (" + minTrials + "), got "
          + maxTrials);
    }
    return new Trials(trial, DataShape.trials(minTrials, maxTrials, trial.dataDim()),
        java.util.Objects.requireNonNull(draw, "draw"), 0);
  }

  /** The data's shape: a set of min to max trials of the trial simulator's values. */
  @Override
  public DataShape dataShape() {
    return shape;
  }

  /** Sets of exactly the observation's number of trials, laid out as before: what its predictive checks simulate. */
  @Override
  public Trials like(double[] observed) {
    return new Trials(trial, shape, draw, shape.trialCount(shape.check("observed", observed)));
  }

  @Override
  public int parameterDim() {
    return trial.parameterDim();
  }

  @Override
  public int dataDim() {
    return shape.columns();
  }

  @Override
  public double[] simulate(double[] theta, RandomGenerator rng) {
    int min = shape.minTrials();
    int max = shape.maxTrials();
    Draw d = draw == Draw.MIXED ? (rng.nextBoolean() ? Draw.UNIFORM : Draw.LOG_UNIFORM) : draw;
    int n = fixed > 0 ? fixed : d == Draw.UNIFORM ? min + rng.nextInt(max - min + 1)
        : Math.min(max, (int) Math.floor(Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max + 1.0)
            - Math.log(min)))));
    double[][] trials = new double[n][];
    for (int k = 0; k < n; k++) {
      trials[k] = trial.simulate(theta, rng);
    }
    return row(shape, trials);
  }

  /**
   * The flat row of a set of trials (one per row of {@code trials}), e.g. an observation.
   *
   * @throws IllegalArgumentException when the number of trials is outside the shape's range, or a trial has the
   *     wrong number of values
   */
  public static double[] row(DataShape shape, double[][] trials) {
    if (shape.kind() != DataShape.Kind.TRIALS) {
      throw new IllegalArgumentException("shape: expected a set of trials, got " + shape.describe());
    }
    int c = shape.channels();
    double[] row = new double[shape.columns()];
    row[0] = trials.length;
    for (int k = 0; k < trials.length && k < shape.maxTrials(); k++) {
      if (trials[k].length != c) {
        throw new IllegalArgumentException("trials: expected " + c + " values per trial, got " + trials[k].length
            + " in trial " + (k + 1));
      }
      System.arraycopy(trials[k], 0, row, 1 + k * c, c);
    }
    return shape.check("trials", row);
  }
}
