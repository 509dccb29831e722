package org.jsbi.inference.density;

import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jsbi.api.Arguments;
import org.jsbi.api.Batch;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.estimator.EstimatorState;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.api.estimator.TrainingHistory;

/**
 * A trained conditional density estimator. Inputs and conditions are standardized with the training set's
 * statistics before they reach the graph, and log densities are corrected back to the original units. Sampling
 * feeds Gaussian noise drawn from the caller's generator, so samples are reproducible from its seed.
 */
public final class DensityEstimator implements ConditionalDensityEstimator {
  private static final int CHUNK = 8192;

  private final EstimatorSpec spec;
  private final DensitySession session;
  private final Standardization input;
  private final Standardization condition;
  private final TrainingHistory history;

  DensityEstimator(EstimatorSpec spec, DensitySession session, Standardization input, Standardization condition,
      TrainingHistory history) {
    this.spec = spec;
    this.session = session;
    this.input = input;
    this.condition = condition;
    this.history = history;
  }

  /** Rebuilds a trained estimator from its saved state; {@code spec} must be the one it was trained with. */
  public static DensityEstimator restore(EstimatorSpec spec, EstimatorState state) {
    if (!state.kind().equals(spec.kind())) {
      throw new IllegalArgumentException("state: expected an estimator of kind '" + spec.kind() + "', got '"
          + state.kind() + "'");
    }
    return frozen(spec, state.inputDim(), state.conditionDim(), state.weights(), state.input(), state.condition(),
        state.history());
  }

  /**
   * An estimator for inference on fixed weights, held as graph constants
   * ({@link org.jsbi.inference.tf.Parameters#frozen}). A trained one ends up here too, once its training graph (with
   * the training set and Adam's moments) is closed, so it evaluates and samples exactly as it will after saving and
   * loading.
   */
  static DensityEstimator frozen(EstimatorSpec spec, int inputDim, int conditionDim, Map<String, float[]> weights,
      Standardization input, Standardization condition, TrainingHistory history) {
    DensitySession session = DensitySession.frozen(spec, inputDim, conditionDim, weights);
    try {
      session.start();
      return new DensityEstimator(spec, session, input, condition, history);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  @Override
  public String kind() {
    return spec.kind();
  }

  @Override
  public int inputDim() {
    return session.dim;
  }

  @Override
  public int conditionDim() {
    return session.conditionDim;
  }

  @Override
  public double[] logProb(Batch in, Batch cond) {
    Arguments.columns("input", in, inputDim());
    Arguments.columns("condition", cond, conditionDim());
    if (cond.rows() != 1 && cond.rows() != in.rows()) {
      throw new IllegalArgumentException("condition: expected 1 or " + in.rows() + " rows, got " + cond.rows());
    }
    double[] out = new double[in.rows()];
    double logScale = input.logScale();
    for (int from = 0; from < in.rows(); from += CHUNK) {
      int rows = Math.min(CHUNK, in.rows() - from);
      int[] idx = range(from, rows);
      float[] u = standardize(in.selectRows(idx), input);
      float[] c = cond.rows() == 1 ? tile(standardize(cond, condition), rows)
          : standardize(cond.selectRows(idx), condition);
      float[] lp = session.logProb(u, c, rows);
      for (int i = 0; i < rows; i++) {
        out[from + i] = lp[i] - logScale;
      }
    }
    return out;
  }

  @Override
  public Batch sample(int n, double[] cond, RandomGenerator rng) {
    Arguments.positive("n", n);
    Arguments.finiteVector("condition", cond, conditionDim());
    Objects.requireNonNull(rng, "rng");
    float[] c = standardize(Batch.wrap(1, cond.length, cond.clone()), condition);
    double[] mean = input.mean();
    double[] std = input.std();
    int d = inputDim();
    int noiseDim = session.density.noiseDim();
    double[] out = new double[n * d];
    for (int from = 0; from < n; from += CHUNK) {
      int rows = Math.min(CHUNK, n - from);
      float[] z = new float[rows * noiseDim];
      for (int k = 0; k < z.length; k++) {
        z[k] = (float) rng.nextGaussian();
      }
      float[] u = session.sample(z, tile(c, rows), rows);
      for (int k = 0; k < u.length; k++) {
        int j = k % d;
        out[from * d + k] = u[k] * std[j] + mean[j];
      }
    }
    return Batch.wrap(n, d, out);
  }

  /** All rows in one call per chunk: row i's noise comes from {@code rngs[i]} alone. */
  @Override
  public Batch sampleEach(Batch cond, RandomGenerator[] rngs) {
    Arguments.columns("condition", cond, conditionDim());
    if (rngs.length != cond.rows()) {
      throw new IllegalArgumentException("rngs: expected one generator per row of condition (" + cond.rows()
          + "), got " + rngs.length);
    }
    int d = inputDim();
    int noiseDim = session.density.noiseDim();
    double[] mean = input.mean();
    double[] std = input.std();
    double[] out = new double[cond.rows() * d];
    for (int from = 0; from < cond.rows(); from += CHUNK) {
      int rows = Math.min(CHUNK, cond.rows() - from);
      float[] z = new float[rows * noiseDim];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < noiseDim; k++) {
          z[i * noiseDim + k] = (float) rngs[from + i].nextGaussian();
        }
      }
      float[] u = session.sample(z, standardize(cond.selectRows(range(from, rows)), condition), rows);
      for (int k = 0; k < u.length; k++) {
        out[from * d + k] = u[k] * std[k % d] + mean[k % d];
      }
    }
    return Batch.wrap(cond.rows(), d, out);
  }

  @Override
  public boolean hasEmbedding() {
    return session.density.embeddingDim() > 0;
  }

  @Override
  public Batch embed(Batch cond) {
    if (!hasEmbedding()) {
      return ConditionalDensityEstimator.super.embed(cond);
    }
    Arguments.columns("condition", cond, conditionDim());
    int k = session.density.embeddingDim();
    double[] out = new double[cond.rows() * k];
    for (int from = 0; from < cond.rows(); from += CHUNK) {
      int rows = Math.min(CHUNK, cond.rows() - from);
      float[] e = session.embed(standardize(cond.selectRows(range(from, rows)), condition), rows);
      for (int i = 0; i < e.length; i++) {
        out[from * k + i] = e[i];
      }
    }
    return Batch.wrap(cond.rows(), k, out);
  }

  @Override
  public boolean exactLogProb() {
    return session.density.hasLogProb() && session.density.densityNoiseDim() == 0;
  }

  @Override
  public String validationMeasure() {
    return spec.validationMeasure();
  }

  @Override
  public boolean hasLogProb() {
    return session.density.hasLogProb();
  }

  @Override
  public EstimatorState state() {
    return new EstimatorState(spec.kind(), inputDim(), conditionDim(), spec.hyperParameters(), input, condition,
        session.weights(), history);
  }

  @Override
  public TrainingHistory history() {
    return history;
  }

  @Override
  public void close() {
    session.close();
  }

  /** Rows of {@code b} in standardized units, as the graph sees them. */
  public static float[] standardize(Batch b, Standardization s) {
    double[] m = s.mean();
    double[] sd = s.std();
    int d = b.cols();
    double[] data = b.data();
    float[] out = new float[data.length];
    for (int k = 0; k < data.length; k++) {
      out[k] = (float) ((data[k] - m[k % d]) / sd[k % d]);
    }
    return out;
  }

  private static float[] tile(float[] row, int times) {
    float[] out = new float[row.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(row, 0, out, i * row.length, row.length);
    }
    return out;
  }

  private static int[] range(int from, int count) {
    int[] idx = new int[count];
    for (int i = 0; i < count; i++) {
      idx[i] = from + i;
    }
    return idx;
  }
}
