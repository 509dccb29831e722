package org.jsbi.inference.nre;

import java.util.Map;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.ConditionalDensityEstimator;
import org.jsbi.api.posterior.TrainingRecord;
import org.jsbi.api.simulation.ProgressListener;
import org.jsbi.inference.McmcPosterior;
import org.jsbi.inference.RatioClassified;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcSettings;

/**
 * The posterior of an NRE method: MCMC on log r(x_o, θ) + log p(θ), with r the classifier's likelihood-to-evidence
 * ratio ({@link McmcPosterior}); i.i.d. trials sum their log-ratios. The ratio is not a likelihood of x, so there is
 * no surrogate simulator, and the log-density is unnormalized.
 */
public final class NrePosterior extends McmcPosterior implements RatioClassified {
  private final NreLoss loss;

  NrePosterior(Model model, ConditionalDensityEstimator ratio, TrainingRecord training, NreLoss loss,
      Mcmc.Method method, McmcSettings settings, ProgressListener progress) {
    super(model, ratio, training, method, settings, progress);
    this.loss = loss;
  }

  @Override
  protected NrePosterior with(Mcmc.Method m, McmcSettings s, ProgressListener listener) {
    return new NrePosterior(model, estimator, training, loss, m, s, listener);
  }

  @Override
  public String method() {
    return loss.variant();
  }

  /** The objective's settings, K, γ and λ, as trained: saved so that a loaded posterior says how it was made. */
  @Override
  public Map<String, String> settings() {
    return NreMethod.settingsOf(loss);
  }

  /** log r(x, θ): the classifier's logit, with θ as its input and x as its condition. */
  @Override
  protected double[] logTerm(Batch x, Batch theta) {
    return estimator.logProb(theta, x);
  }

  @Override
  public Report classifier(Batch theta, Batch x) {
    int n = theta.rows();
    if (n < 2 || x.rows() != n) {
      throw new IllegalArgumentException("theta and x: expected the same 2 or more rows, got " + n + " and "
          + x.rows());
    }
    int[] next = new int[n];
    for (int i = 0; i < n; i++) {
      next[i] = (i + 1) % n;
    }
    double[] joint = estimator.logProb(theta, x);
    double[] shuffled = estimator.logProb(theta.selectRows(next), x);
    double right = 0;
    double balance = -1;
    for (int i = 0; i < n; i++) {
      right += (joint[i] > 0 ? 1 : 0) + (shuffled[i] < 0 ? 1 : 0);
      balance += (sigmoid(joint[i]) + sigmoid(shuffled[i])) / n;
    }
    return new Report(n, right / (2.0 * n), balance);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
