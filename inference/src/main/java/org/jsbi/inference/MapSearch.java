package org.jsbi.inference;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.jsbi.api.Batch;

/**
 * The maximum a-posteriori search that NPE and NLE share: start from the best of the posterior's own draws, refine
 * by Nelder–Mead with first steps of a tenth of the draws' spread in each dimension, and keep the start when
 * refining does not beat it.
 */
public final class MapSearch {
  private MapSearch() {}

  /**
   * @param candidates posterior draws, one per row
   * @param logProbs the log-density of each candidate, by which the start is chosen
   * @param objective what Nelder–Mead maximizes, from the start
   */
  public static double[] refine(Batch candidates, double[] logProbs, ToDoubleFunction<double[]> objective) {
    int best = 0;
    for (int i = 1; i < logProbs.length; i++) {
      best = logProbs[i] > logProbs[best] ? i : best;
    }
    double[] start = candidates.row(best);
    double[] steps = new double[start.length];
    for (int j = 0; j < steps.length; j++) {
      double[] col = candidates.column(j);
      double m = Arrays.stream(col).average().orElse(0);
      steps[j] = 0.1 * Math.sqrt(Arrays.stream(col).map(v -> (v - m) * (v - m)).average().orElse(1)) + 1e-6;
    }
    PointValuePair result = new SimplexOptimizer(1e-10, 1e-10).optimize(new MaxEval(2000),
        new ObjectiveFunction(objective::applyAsDouble), GoalType.MAXIMIZE, new InitialGuess(start),
        new NelderMeadSimplex(steps));
    return result.getValue() >= logProbs[best] ? result.getPoint() : start;
  }
}
