package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Arguments;
import org.tensorflow.op.Ops;

/**
 * The kind and hyper-parameters of a flow. sbi's defaults: 50 hidden units and 5 transforms.
 *
 * @param kind {@code maf} (more kinds follow)
 * @param hidden hidden units per layer
 * @param transforms number of stacked transforms
 */
public record FlowSpec(String kind, int hidden, int transforms) {
  public FlowSpec {
    if (!kind.equals("maf")) {
      throw new IllegalArgumentException("kind: expected 'maf', got '" + kind + "'");
    }
    Arguments.positive("hidden", hidden);
    Arguments.positive("transforms", transforms);
  }

  public static FlowSpec maf() {
    return new FlowSpec("maf", 50, 5);
  }

  FlowGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    return new MafGraph(tf, p, dim, conditionDim, hidden, transforms);
  }

  Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("transforms", Integer.toString(transforms));
    return m;
  }

  static FlowSpec fromHyperParameters(String kind, Map<String, String> m) {
    try {
      return new FlowSpec(kind, Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("transforms")));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden' and 'transforms', got " + m);
    }
  }
}
