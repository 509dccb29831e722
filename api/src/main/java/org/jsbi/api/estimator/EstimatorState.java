package org.jsbi.api.estimator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained estimator as plain data: its kind and hyper-parameters, the standardization of inputs and conditions,
 * every weight tensor by name (flattened row-major), and the training history. Saved and loaded by the inference
 * module without Java serialization.
 */
public record EstimatorState(
    String kind,
    int inputDim,
    int conditionDim,
    Map<String, String> hyperParameters,
    Standardization input,
    Standardization condition,
    Map<String, float[]> weights,
    TrainingHistory history) {

  public EstimatorState {
    Objects.requireNonNull(kind, "kind");
    hyperParameters = Map.copyOf(hyperParameters);
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(condition, "condition");
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    Objects.requireNonNull(history, "history");
  }

  /** Per-column shift and scale: z = (v − mean) / std. */
  public record Standardization(double[] mean, double[] std) {
    public Standardization {
      if (mean.length != std.length) {
        throw new IllegalArgumentException("std: expected length " + mean.length + ", got " + std.length);
      }
      mean = mean.clone();
      std = std.clone();
    }

    @Override
    public double[] mean() {
      return mean.clone();
    }

    @Override
    public double[] std() {
      return std.clone();
    }

    /** Column means and standard deviations of a batch; constant columns get std 1. */
    public static Standardization of(org.jsbi.api.Batch batch) {
      int d = batch.cols();
      double[] m = new double[d];
      double[] s = new double[d];
      double[] data = batch.data();
      for (int i = 0; i < batch.rows(); i++) {
        for (int j = 0; j < d; j++) {
          m[j] += data[i * d + j];
        }
      }
      for (int j = 0; j < d; j++) {
        m[j] /= batch.rows();
      }
      for (int i = 0; i < batch.rows(); i++) {
        for (int j = 0; j < d; j++) {
          double c = data[i * d + j] - m[j];
          s[j] += c * c;
        }
      }
      for (int j = 0; j < d; j++) {
        s[j] = Math.sqrt(s[j] / Math.max(1, batch.rows() - 1));
        if (!(s[j] > 1e-12)) {
          s[j] = 1;
        }
      }
      return new Standardization(m, s);
    }

    /** Σ log std: subtract from a log density in standardized space to get one in original units. */
    public double logScale() {
      double sum = 0;
      for (double v : std) {
        sum += Math.log(v);
      }
      return sum;
    }
  }
}
