package org.jsbi.inference.flows;

import org.jsbi.inference.tf.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsbi.api.Arguments;
import org.tensorflow.op.Ops;

/**
 * The kind and hyper-parameters of a flow. sbi's defaults: 50 hidden units, 5 transforms, 10 spline bins.
 *
 * @param kind {@code maf} or {@code nsf}
 * @param hidden hidden units per layer
 * @param transforms number of stacked transforms
 * @param bins spline bins ({@code nsf} only; 0 for {@code maf})
 */
public record FlowSpec(String kind, int hidden, int transforms, int bins) {
  public FlowSpec {
    if (!kind.equals("maf") && !kind.equals("nsf")) {
      throw new IllegalArgumentException("kind: expected 'maf' or 'nsf', got '" + kind + "'");
    }
    Arguments.positive("hidden", hidden);
    Arguments.positive("transforms", transforms);
    if (kind.equals("nsf") && bins < 2) {
      throw new IllegalArgumentException("bins: expected at least 2 spline bins, got " + bins);
    }
  }

  public static FlowSpec maf() {
    return new FlowSpec("maf", 50, 5, 0);
  }

  public static FlowSpec nsf() {
    return new FlowSpec("nsf", 50, 5, 10);
  }

  FlowGraph build(Ops tf, Parameters p, int dim, int conditionDim) {
    return kind.equals("maf")
        ? new MafGraph(tf, p, dim, conditionDim, hidden, transforms)
        : new NsfGraph(tf, p, dim, conditionDim, hidden, transforms, bins);
  }

  Map<String, String> hyperParameters() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hidden", Integer.toString(hidden));
    m.put("transforms", Integer.toString(transforms));
    if (bins > 0) {
      m.put("bins", Integer.toString(bins));
      m.put("tailBound", Float.toString(NsfGraph.TAIL_BOUND));
    }
    return m;
  }

  static FlowSpec fromHyperParameters(String kind, Map<String, String> m) {
    String bound = m.get("tailBound");
    if (bound != null && Float.parseFloat(bound) != NsfGraph.TAIL_BOUND) {
      throw new IllegalArgumentException("hyperParameters: this estimator was saved with spline tail bound " + bound
          + ", but this jsbi uses " + NsfGraph.TAIL_BOUND + "; retrain it with this version");
    }
    try {
      return new FlowSpec(kind, Integer.parseInt(m.get("hidden")), Integer.parseInt(m.get("transforms")),
          Integer.parseInt(m.getOrDefault("bins", "0")));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("hyperParameters: expected integer 'hidden', 'transforms' and 'bins', got "
          + m);
    }
  }
}
