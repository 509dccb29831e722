package org.jsbi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.jsbi.api.posterior.PosteriorSamples;
import org.jsbi.api.posterior.SamplerDiagnostics;

/**
 * How the sampler fared, as JSON: {@code {summary: [lines], sampler, effectiveSampleSize, maxRHat, jumpAcceptance,
 * chainGroups: [{share, center: {θ name: value}}], modes: [...], warnings: [...]}}; numbers that do not apply (R-hat
 * without chains, jumps when there were none) are left out. The form of {@code checks.json}'s {@code sampler} and of
 * {@code jsbi sample --diagnostics}.
 */
final class SamplerJson {
  private SamplerJson() {}

  static ObjectNode of(PosteriorSamples samples, List<String> names) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    ArrayNode summary = node.putArray("summary");
    Arrays.stream(samples.diagnostics().split("\n")).filter(l -> !l.isEmpty()).forEach(summary::add);
    node.put("draws", samples.samples().rows());
    node.put("seconds", samples.seconds());
    samples.sampler().ifPresent(d -> numbers(node, d, names));
    return node;
  }

  private static void numbers(ObjectNode node, SamplerDiagnostics d, List<String> names) {
    node.put("sampler", d.sampler());
    put(node, "effectiveSampleSize", d.effectiveSampleSize());
    put(node, "maxRHat", d.maxRHat());
    put(node, "jumpAcceptance", d.jumpAcceptance());
    regions(node.putArray("chainGroups"), d.chainGroups(), names);
    regions(node.putArray("modes"), d.modes(), names);
    d.warnings().forEach(node.putArray("warnings")::add);
  }

  private static void put(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    }
  }

  private static void regions(ArrayNode array, List<SamplerDiagnostics.Region> regions, List<String> names) {
    for (SamplerDiagnostics.Region r : regions) {
      ObjectNode o = array.addObject();
      o.put("share", r.share());
      ObjectNode center = o.putObject("center");
      double[] c = r.center();
      for (int i = 0; i < c.length; i++) {
        center.put(names.get(i), c[i]);
      }
    }
  }
}
