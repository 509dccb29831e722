package org.jsbi.inference.flows;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.inference.density.DensityGraph;
import org.jsbi.inference.tf.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A conditional coupling flow: each layer leaves half of the dimensions as they are and maps the other half
 * element-wise, with parameters that an MLP computes from the unchanged half and the condition; the halves
 * alternate from layer to layer, and a learned LU-factored linear map mixes the dimensions before each layer (as
 * sbi's flows do). With rational-quadratic splines this is the neural spline flow (Durkan et al.
 * 2019); with affine maps, RealNVP (Dinh et al. 2017). Both directions take one pass, so sampling costs the same as
 * density evaluation. A one-dimensional input is mapped as a function of the condition alone.
 */
final class CouplingGraph implements FlowGraph {

  private final int dim;
  private final ElementwiseTransform spline;
  private final List<Layer> layers = new ArrayList<>();

  /**
   * One coupling layer: which dimensions pass through and which are mapped, its conditioner, and (for two or more
   * dimensions) the learned linear mixing that precedes it.
   */
  private record Layer(int[] kept, int[] splined, int[] restore, Operand<TFloat32>[] weights, LuLinear mixing) {}

  CouplingGraph(Ops tf, Parameters p, String prefix, ElementwiseTransform transform, int dim, int conditionDim,
      int hidden, int transforms) {
    this.dim = dim;
    this.spline = transform;
    for (int l = 0; l < transforms; l++) {
      List<Integer> kept = new ArrayList<>();
      List<Integer> splined = new ArrayList<>();
      for (int i = 0; i < dim; i++) {
        (dim > 1 && (i + l) % 2 == 0 ? kept : splined).add(i);
      }
      int[] k = kept.stream().mapToInt(Integer::intValue).toArray();
      int[] s = splined.stream().mapToInt(Integer::intValue).toArray();
      int[] order = new int[dim];
      System.arraycopy(k, 0, order, 0, k.length);
      System.arraycopy(s, 0, order, k.length, s.length);
      int[] restore = new int[dim];
      for (int i = 0; i < dim; i++) {
        restore[order[i]] = i;
      }
      String name = prefix + ".t" + l;
      int in = k.length + conditionDim;
      int out = s.length * spline.parametersPerElement();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Operand<TFloat32>[] w = new Operand[] {
        p.matrix(name + ".w1", in, hidden), p.vector(name + ".b1", hidden, 0f),
        p.matrix(name + ".w2", hidden, hidden), p.vector(name + ".b2", hidden, 0f),
        p.matrix(name + ".w3", hidden, out), p.vector(name + ".b3", out, 0f)
      };
      layers.add(new Layer(k, s, restore, w, dim > 1 ? new LuLinear(tf, p, name + ".mix", dim) : null));
    }
  }

  @Override
  public int noiseDim() {
    return dim;
  }

  @Override
  public Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    Operand<TFloat32>[] zl = pass(tf, input, condition);
    return tf.math.add(DensityGraph.standardNormalLogProb(tf, zl[0], dim), zl[1]);
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    return pass(tf, input, condition)[0];
  }

  private Operand<TFloat32>[] pass(Ops tf, Operand<TFloat32> input, Operand<TFloat32> condition) {
    Operand<TFloat32> u = input;
    Operand<TFloat32> logDet = null;
    for (Layer layer : layers) {
      if (layer.mixing() != null) {
        Operand<TFloat32>[] mixed = layer.mixing().forward(tf, u);
        u = mixed[0];
        logDet = logDet == null ? mixed[1] : tf.math.add(logDet, mixed[1]);
      }
      Operand<TFloat32> kept = columns(tf, u, layer.kept());
      Operand<TFloat32> raw = conditioner(tf, layer, kept, condition);
      Operand<TFloat32>[] yl = spline.forward(tf, columns(tf, u, layer.splined()), raw);
      u = reassemble(tf, layer, kept, yl[0]);
      Operand<TFloat32> ld = tf.reduceSum(yl[1], tf.constant(1));
      logDet = logDet == null ? ld : tf.math.add(logDet, ld);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<TFloat32>[] out = new Operand[] {u, logDet};
    return out;
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> noise, Operand<TFloat32> condition) {
    Operand<TFloat32> z = noise;
    for (int l = layers.size() - 1; l >= 0; l--) {
      Layer layer = layers.get(l);
      Operand<TFloat32> kept = columns(tf, z, layer.kept());
      Operand<TFloat32> raw = conditioner(tf, layer, kept, condition);
      z = reassemble(tf, layer, kept, spline.inverse(tf, columns(tf, z, layer.splined()), raw));
      if (layer.mixing() != null) {
        z = layer.mixing().inverse(tf, z);
      }
    }
    return z;
  }

  /** Spline parameters [batch, splined, 3·bins − 1] from the kept columns and the condition. */
  private Operand<TFloat32> conditioner(Ops tf, Layer layer, Operand<TFloat32> kept, Operand<TFloat32> condition) {
    Operand<TFloat32> in = kept == null ? condition : tf.concat(List.of(kept, condition), tf.constant(1));
    Operand<TFloat32>[] w = layer.weights();
    Operand<TFloat32> h = tf.math.tanh(tf.math.add(tf.linalg.matMul(in, w[0]), w[1]));
    h = tf.math.tanh(tf.math.add(tf.linalg.matMul(h, w[2]), w[3]));
    Operand<TFloat32> out = tf.math.add(tf.linalg.matMul(h, w[4]), w[5]);
    return tf.reshape(out, tf.constant(new int[] {-1, layer.splined().length, spline.parametersPerElement()}));
  }

  private static Operand<TFloat32> columns(Ops tf, Operand<TFloat32> u, int[] idx) {
    return idx.length == 0 ? null : tf.gather(u, tf.constant(idx), tf.constant(1));
  }

  private static Operand<TFloat32> reassemble(Ops tf, Layer layer, Operand<TFloat32> kept, Operand<TFloat32> y) {
    if (kept == null) {
      return y;
    }
    return tf.gather(tf.concat(List.of(kept, y), tf.constant(1)), tf.constant(layer.restore()), tf.constant(1));
  }
}
