package org.jsbi.inference;

import org.jsbi.api.Batch;

/**
 * The capability of a posterior built on a ratio classifier (the NRE methods): how well the classifier tells
 * (θ, x) pairs simulated together from pairs whose θ belongs to another x. Ask for it with
 * {@code posterior.as(RatioClassified.class)}.
 */
public interface RatioClassified {
  /**
   * The classifier on held-out pairs: each x with its own θ (row i of both) and with the next row's θ (the last row
   * with the first's).
   */
  Report classifier(Batch theta, Batch x);

  /**
   * @param pairs the simulated pairs
   * @param accuracy the share classified right at d = 0 (log r > 0 means "together"), over both kinds of pair
   * @param balance E[σ(d)] over the joint pairs plus E[σ(d)] over the shuffled ones, less 1: 0 for a balanced
   *     classifier (Delaunoy et al. 2022), positive for one that leans to "together", which widens the posterior
   */
  record Report(int pairs, double accuracy, double balance) {}
}
