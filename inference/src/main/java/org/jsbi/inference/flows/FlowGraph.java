package org.jsbi.inference.flows;

import org.jsbi.inference.density.DensityGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A conditional normalizing flow: a bijection between the input u and standard-normal noise z of the same
 * dimension, conditioned on c. Sampling is the inverse map.
 */
interface FlowGraph extends DensityGraph {
  /** The forward map z = f(u; c), from input to noise: shape [batch, dim]. */
  Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition);

  /** The inverse map: u = f⁻¹(z; c) for each row of noise z: shape [batch, dim]. */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition);

  @Override
  default Operand<TFloat32> sample(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    return inverse(tf, noise, condition);
  }
}
