package org.jsbi.inference.checks;

/**
 * One statistical check of one observation (or batch): its statistic, p-value and a sentence saying what it measured.
 *
 * @param name the check's id, e.g. {@code mmd}
 * @param statistic the test statistic
 * @param pValue the probability, if the model is right, of a statistic at least this extreme
 * @param detail what was compared, in words
 */
public record CheckResult(String name, double statistic, double pValue, String detail) {}
