package org.jsbi.inference.flows;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An invertible map applied element by element, with parameters computed per element by a conditioner. */
interface ElementwiseTransform {
  /** Raw parameters per element. */
  int parametersPerElement();

  /** {y, log |dy/dx|} for x of shape [batch, n] and parameters of shape [batch, n, parametersPerElement]. */
  Operand<TFloat32>[] forward(Ops tf, Operand<TFloat32> x, Operand<TFloat32> raw);

  /** x for y of shape [batch, n]. */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y, Operand<TFloat32> raw);
}
