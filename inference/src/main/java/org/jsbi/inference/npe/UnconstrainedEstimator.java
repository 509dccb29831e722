package org.jsbi.inference.npe;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.UnconstrainedSpace;

/**
 * q(θ | x) for an estimator trained on y = T(θ), T the map of an {@link UnconstrainedSpace}: draws are T⁻¹ of the
 * inner estimator's draws, and log q(θ | x) = log q_y(T(θ) | x) − log |dθ/dy|, −∞ off the support's interior.
 * The saved state is the inner estimator's; {@link ThetaSpace} in {@code posterior.json} says to wrap it again.
 */
final class UnconstrainedEstimator implements ConditionalDensityEstimator {
  private final ConditionalDensityEstimator inner;
  private final UnconstrainedSpace space;

  UnconstrainedEstimator(ConditionalDensityEstimator inner, UnconstrainedSpace space) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.space = Objects.requireNonNull(space, "space");
    if (space.dim() != inner.inputDim()) {
      throw new IllegalArgumentException("space: expected dimension " + inner.inputDim() + ", got " + space.dim());
    }
  }

  /** q in the unconstrained space, which training fits. */
  ConditionalDensityEstimator inner() {
    return inner;
  }

  @Override
  public String kind() {
    return inner.kind();
  }

  @Override
  public int inputDim() {
    return inner.inputDim();
  }

  @Override
  public int conditionDim() {
    return inner.conditionDim();
  }

  @Override
  public double[] logProb(Batch input, Batch condition) {
    int n = input.rows();
    boolean[] inside = new boolean[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      inside[i] = space.inInterior(input.row(i));
      count += inside[i] ? 1 : 0;
    }
    double[] out = new double[n];
    Arrays.fill(out, Double.NEGATIVE_INFINITY);
    if (count == 0) {
      return out;
    }
    boolean perRow = condition.rows() == n && n > 1;
    Batch y = Batch.zeros(count, input.cols());
    Batch c = perRow ? Batch.zeros(count, condition.cols()) : condition;
    for (int i = 0, k = 0; i < n; i++) {
      if (inside[i]) {
        y.setRow(k, space.toUnconstrained(input.row(i)));
        if (perRow) {
          c.setRow(k, condition.row(i));
        }
        k++;
      }
    }
    double[] lp = inner.logProb(y, c);
    for (int i = 0, k = 0; i < n; i++) {
      if (inside[i]) {
        out[i] = lp[k] - space.logAbsDetJacobian(y.row(k));
        k++;
      }
    }
    return out;
  }

  @Override
  public Batch sample(int n, double[] condition, RandomGenerator rng) {
    return space.toConstrained(inner.sample(n, condition, rng));
  }

  @Override
  public Batch sampleEach(Batch condition, RandomGenerator[] rngs) {
    return space.toConstrained(inner.sampleEach(condition, rngs));
  }

  @Override
  public boolean exactLogProb() {
    return inner.exactLogProb();
  }

  @Override
  public boolean hasLogProb() {
    return inner.hasLogProb();
  }

  @Override
  public boolean hasEmbedding() {
    return inner.hasEmbedding();
  }

  @Override
  public Batch embed(Batch condition) {
    return inner.embed(condition);
  }

  @Override
  public EstimatorState state() {
    return inner.state();
  }

  @Override
  public void close() {
    inner.close();
  }
}
