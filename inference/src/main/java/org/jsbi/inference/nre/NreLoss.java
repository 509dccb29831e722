package org.jsbi.inference.nre;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jsbi.api.estimator.EstimatorState.Standardization;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.density.DensityObjective;
import org.jsbi.inference.train.Stage;
import org.jsbi.inference.train.Stages;
import org.jsbi.inference.train.TrainingGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The classification objectives of neural ratio estimation, on a ratio classifier's logits d(θ, x) ≈ log r(x, θ).
 * Each row's x meets its own θ (a pair from the joint) and the θ of the rows {@code k} places on in the minibatch
 * (pairs from the product of marginals, the minibatch being shuffled each epoch). With ℓ_k = d(θ_{i+k}, x_i):
 * <ul>
 *   <li>{@code nre-a} (Hermans et al. 2020): binary cross-entropy, softplus(−ℓ_0) + softplus(ℓ_1);
 *   <li>{@code nre-b} (Durkan et al. 2020): which of K atoms is x's own, −ℓ_0 + log Σ_{k<K} e^{ℓ_k};
 *   <li>{@code nre-c} (Miller et al. 2022): K + 1 classes, "one of K is x's own" against "none is", with a_k =
 *       log(γ / K) + ℓ_k, γ/(1+γ) (−a_0 + log(1 + Σ_{k<K} e^{a_k})) + 1/(1+γ) log(1 + Σ_{1≤k≤K} e^{a_k}), whose
 *       optimum is the normalized ratio; K = 1, γ = 1 is half of nre-a's loss;
 *   <li>{@code bnre} (Delaunoy et al. 2022): nre-a's, plus λ (mean σ(ℓ_0) + mean σ(ℓ_1) − 1)² over the minibatch,
 *       the balance condition that makes the classifier conservative.
 * </ul>
 *
 * @param variant nre-a, nre-b, nre-c or bnre
 * @param classes K: atoms for nre-b, classes for nre-c; 1 for the others
 * @param gamma γ for nre-c
 * @param balance λ for bnre
 */
record NreLoss(String variant, int classes, double gamma, double balance) implements DensityObjective {
  @Override
  public Stages build(TrainingGraph g, DensityGraph density, Standardization input) {
    Ops tf = g.tf();
    return Stages.of(Stage.of(loss(tf, (theta, x) -> density.logProb(tf, theta, x), g.batch(INPUT),
        g.batch(CONDITION)), loss(tf, (theta, x) -> density.logProb(tf, theta, x), g.validation(INPUT),
        g.validation(CONDITION))));
  }

  @Override
  public String id() {
    return variant + "(K=" + classes + ",gamma=" + gamma + ",lambda=" + balance + ")";
  }

  /** The mean loss over the rows of (θ, x), with {@code logit} the classifier. */
  Operand<TFloat32> loss(Ops tf, BiFunction<Operand<TFloat32>, Operand<TFloat32>, Operand<TFloat32>> logit,
      Operand<TFloat32> theta, Operand<TFloat32> x) {
    int shifts = switch (variant) {
      case "nre-b" -> classes - 1;
      case "nre-c" -> classes;
      default -> 1;
    };
    List<Operand<TFloat32>> l = new ArrayList<>();
    for (int k = 0; k <= shifts; k++) {
      l.add(logit.apply(k == 0 ? theta : shifted(tf, theta, k), x));
    }
    return fromLogits(tf, l);
  }

  /** The mean loss from the logits ℓ_0 (x's own θ), ℓ_1, … (others'), each of shape [rows]. */
  Operand<TFloat32> fromLogits(Ops tf, List<Operand<TFloat32>> l) {
    switch (variant) {
      case "nre-a", "bnre": {
        Operand<TFloat32> bce = mean(tf, tf.math.add(tf.math.softplus(tf.math.neg(l.get(0))),
            tf.math.softplus(l.get(1))));
        if (variant.equals("nre-a")) {
          return bce;
        }
        Operand<TFloat32> sum = tf.math.sub(tf.math.add(mean(tf, tf.math.sigmoid(l.get(0))),
            mean(tf, tf.math.sigmoid(l.get(1)))), tf.constant(1f));
        return tf.math.add(bce, tf.math.mul(tf.constant((float) balance), tf.math.square(sum)));
      }
      case "nre-b":
        return mean(tf, tf.math.sub(logSumExp(tf, l, false), l.get(0)));
      case "nre-c": {
        Operand<TFloat32> shift = tf.constant((float) Math.log(gamma / classes));
        List<Operand<TFloat32>> a = new ArrayList<>();
        for (Operand<TFloat32> v : l) {
          a.add(tf.math.add(v, shift));
        }
        Operand<TFloat32> joint = tf.math.sub(logSumExp(tf, a.subList(0, classes), true), a.get(0));
        Operand<TFloat32> marginal = logSumExp(tf, a.subList(1, classes + 1), true);
        float pJoint = (float) (gamma / (1 + gamma));
        return mean(tf, tf.math.add(tf.math.mul(tf.constant(pJoint), joint), tf.math.mul(tf.constant(1 - pJoint),
            marginal)));
      }
      default:
        throw new IllegalStateException("variant: " + variant);
    }
  }

  /** log(e^0 (when {@code withOne}) + Σ_k e^{v_k}) per row. */
  private static Operand<TFloat32> logSumExp(Ops tf, List<Operand<TFloat32>> v, boolean withOne) {
    List<Operand<TFloat32>> columns = new ArrayList<>();
    if (withOne) {
      columns.add(tf.zerosLike(v.get(0)));
    }
    columns.addAll(v);
    Operand<TFloat32> stacked = tf.stack(columns, org.tensorflow.op.core.Stack.axis(1L));
    // the largest term, held constant, keeps the exponentials finite; the value does not depend on it
    Operand<TFloat32> top = tf.stopGradient(tf.reduceMax(stacked, tf.constant(1), ReduceMax.keepDims(true)));
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(stacked, top)), tf.constant(1),
        ReduceSum.keepDims(true));
    return tf.reshape(tf.math.add(top, tf.math.log(sum)), tf.constant(new int[] {-1}));
  }

  /** Rows of θ moved up by k places, cyclically: row i gets row i + k's θ. */
  private static Operand<TFloat32> shifted(Ops tf, Operand<TFloat32> theta, int k) {
    Operand<TInt32> rows = tf.reshape(tf.slice(tf.shape(theta), tf.constant(new int[] {0}), tf.constant(new int[]
        {1})), tf.constant(new int[0]));
    Operand<TInt32> index = tf.math.floorMod(tf.math.add(tf.range(tf.constant(0), rows, tf.constant(1)),
        tf.constant(k)), rows);
    return tf.gather(theta, index, tf.constant(0));
  }

  private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> perRow) {
    return DensityObjective.mean(tf, perRow);
  }
}
