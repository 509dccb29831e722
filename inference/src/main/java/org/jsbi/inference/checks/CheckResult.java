package org.jsbi.inference.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One statistical check of one observation (or batch): its statistic, p-value and a sentence saying what it measured.
 *
 * @param name the check's id, e.g. {@code mmd}
 * @param statistic the test statistic
 * @param pValue the probability, if the model is right, of a statistic at least this extreme
 * @param detail what was compared, in words
 */
public record CheckResult(String name, double statistic, double pValue, String detail) {
  /** {@code {name, statistic, pValue, detail}}: this result's one JSON form. */
  public ObjectNode toJson() {
    return new ObjectMapper().createObjectNode().put("name", name).put("statistic", statistic).put("pValue", pValue)
        .put("detail", detail);
  }
}
