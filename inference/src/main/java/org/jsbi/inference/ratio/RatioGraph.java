package org.jsbi.inference.ratio;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A classifier's logit d(θ, c) for the log of the likelihood-to-evidence ratio, log r(x, θ) = log p(x | θ) − log p(x)
 * = log p(θ | x) − log p(θ), with θ the input and the data x (or their embedding) the condition: θ and c go into a
 * layer of {@code hidden} SiLU units, then {@code blocks} residual SiLU layers, and a linear output (the residual
 * classifier of sbi's NRE, with smooth units so that the ratio is smooth in θ for MCMC and MAP search). The logit is
 * what {@link #logProb} returns: a log-ratio, not a normalized density. It is trained by the objective an NRE method
 * brings (nre-a, nre-b, nre-c, bnre), which contrasts (θ, x) pairs with θ drawn apart from x; it draws nothing.
 */
final class RatioGraph implements DensityGraph {
  private final Operand<TFloat32> wTheta;
  private final Operand<TFloat32> wCondition;
  private final Operand<TFloat32> b;
  private final List<Operand<TFloat32>> w = new ArrayList<>();
  private final List<Operand<TFloat32>> bs = new ArrayList<>();
  private final Operand<TFloat32> wOut;
  private final Operand<TFloat32> bOut;

  RatioGraph(Parameters p, int dim, int conditionDim, RatioSpec spec) {
    wTheta = p.matrix("ratio.in.theta", dim, spec.hidden());
    wCondition = p.matrix("ratio.in.condition", conditionDim, spec.hidden());
    b = p.vector("ratio.in.b", spec.hidden(), 0f);
    for (int l = 0; l < spec.blocks(); l++) {
      w.add(p.matrix("ratio.block" + l + ".w", spec.hidden(), spec.hidden()));
      bs.add(p.vector("ratio.block" + l + ".b", spec.hidden(), 0f));
    }
    wOut = p.matrix("ratio.out.w", spec.hidden(), 1);
    bOut = p.vector("ratio.out.b", 1, 0f);
  }

  /** d(θ, c) per row: shape [batch]. */
  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> theta, Operand<TFloat32> condition) {
    Operand<TFloat32> h = silu(tf, tf.math.add(tf.math.add(tf.linalg.matMul(theta, wTheta),
        tf.linalg.matMul(condition, wCondition)), b));
    for (int l = 0; l < w.size(); l++) {
      h = tf.math.add(h, silu(tf, tf.math.add(tf.linalg.matMul(h, w.get(l)), bs.get(l))));
    }
    return tf.reshape(tf.math.add(tf.linalg.matMul(h, wOut), bOut), tf.constant(new int[] {-1}));
  }

  @Override
  public String cannotSample() {
    return "a ratio classifier draws nothing: it learns log p(x | θ) − log p(x), which an NRE posterior samples by "
        + "MCMC";
  }

  @Override
  public int noiseDim() {
    return 0;
  }

  @Override
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    throw new UnsupportedOperationException(cannotSample());
  }

  /** Not a likelihood: an objective that adds to −log q (NPE's truncation) cannot use it. */
  @Override
  public boolean likelihoodLoss() {
    return false;
  }

  private static Operand<TFloat32> silu(Ops tf, Operand<TFloat32> x) {
    return tf.math.mul(x, tf.math.sigmoid(x));
  }
}
