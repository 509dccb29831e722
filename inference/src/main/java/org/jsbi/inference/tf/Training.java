package org.jsbi.inference.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Pieces every training loop here needs: gradients over an explicit variable list, and seeded shuffles. */
public final class Training {
  private Training() {}

  /** d loss / d v for each variable, in the variables' order. */
  public static List<Operand<TFloat32>> gradients(Graph graph, Operand<TFloat32> loss,
      List<Variable<TFloat32>> variables) {
    Output<?>[] xs = variables.stream().map(Variable::asOutput).toArray(Output[]::new);
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Output<?> g : graph.addGradients(loss.asOutput(), xs)) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> typed = (Operand<TFloat32>) g;
      out.add(typed);
    }
    return out;
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates), drawn from {@code rng}. */
  public static int[] permutation(int n, RandomGenerator rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
