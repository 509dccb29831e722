package org.jsbi.api.posterior;

import java.util.List;
import org.jsbi.api.Batch;

/**
 * An approximate posterior p(θ | x) for a model. Amortized posteriors (NPE) answer any observation without
 * retraining. Implementations hold native resources: close them.
 */
public interface Posterior extends AutoCloseable {
  /** The model the posterior was trained for. */
  String modelId();

  List<String> parameterNames();

  int dataDim();

  /** {@code n} samples of θ given {@code xObserved}, reproducible from {@code seed}. */
  PosteriorSamples sample(int n, double[] xObserved, long seed);

  /** Samples for several observations (one per row), observation k seeded from {@code seed} and k. */
  default List<PosteriorSamples> sample(int n, Batch xObserved, long seed) {
    List<PosteriorSamples> out = new java.util.ArrayList<>();
    for (int k = 0; k < xObserved.rows(); k++) {
      out.add(sample(n, xObserved.row(k), seed + 0x9e3779b97f4a7c15L * k));
    }
    return out;
  }

  /** log p(θ | xObserved) for each row of θ; −∞ outside the prior's support. */
  double[] logProb(Batch theta, double[] xObserved);

  /** The maximum a-posteriori θ for {@code xObserved}. */
  double[] map(double[] xObserved, long seed);

  @Override
  void close();
}
