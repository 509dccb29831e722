package org.jsbi.inference.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of {@link LocalC2st#test} at one observation.
 *
 * @param statistic the mean of (p − ½)² over the posterior draws, p the classifier's probability that a draw came
 *     from the posterior class
 * @param pValue the share of the null classifiers, counting the real one, whose statistic is at least as large
 * @param samples posterior draws at the observation
 * @param simulations valid simulations the classifiers were trained on
 * @param invalidSimulations simulations that failed and were left out
 * @param nullTrials classifiers trained on permuted labels
 * @param epochs epochs all classifiers were trained for
 * @param nullStatistics the statistic of each null classifier
 * @param pp the P-P plot's data
 */
public record LocalC2stResult(double statistic, double pValue, int samples, int simulations, int invalidSimulations,
    int nullTrials, int epochs, double[] nullStatistics, PpCurve pp) {

  /**
   * The empirical CDF of the real classifier's probabilities at the draws, and the pointwise 95% band of the null
   * classifiers' CDFs, on a grid of levels. A posterior right at the observation stays inside the band; probabilities
   * piled above ½ (the curve below the band to the right of ½) say the posterior puts mass where the true one has
   * less, below ½ the reverse.
   */
  public record PpCurve(double[] levels, double[] cdf, double[] nullLow, double[] nullHigh) {}

  /** Rejected at level 0.05? */
  public boolean rejected() {
    return pValue < Verdicts.SUSPICIOUS_BELOW;
  }

  /** One sentence for a person. */
  public String inWords() {
    return String.format(Locale.ROOT, "L-C2ST at this observation: statistic %.4g, p = %.3f against %d classifiers "
        + "trained on randomly swapped labels (%d simulations): %s", statistic, pValue, nullTrials, simulations,
        rejected() ? "the posterior differs from the true one here" : "no sign that the posterior is wrong here");
  }

  public ObjectNode toJson() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("statistic", statistic).put("pValue", pValue).put("rejected", rejected()).put("samples", samples)
        .put("simulations", simulations).put("invalidSimulations", invalidSimulations).put("nullTrials", nullTrials)
        .put("epochs", epochs);
    ArrayNode n = o.putArray("nullStatistics");
    Arrays.stream(nullStatistics).forEach(n::add);
    ArrayNode curve = o.putArray("pp");
    for (int g = 0; g < pp.levels().length; g++) {
      curve.addObject().put("level", pp.levels()[g]).put("cdf", pp.cdf()[g]).put("nullLow", pp.nullLow()[g])
          .put("nullHigh", pp.nullHigh()[g]);
    }
    return o;
  }
}
