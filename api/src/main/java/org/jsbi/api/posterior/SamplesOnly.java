package org.jsbi.api.posterior;

/**
 * The capability of a posterior that can only be sampled: its estimator has no log-density (an adversarially trained
 * generator), so {@link Posterior#logProb} and {@link Posterior#map} throw {@link UnsupportedOperationException} in
 * one line that says so. Checks that rank by density (HPD coverage) skip it, with the reason; importance sampling
 * refuses it.
 */
public interface SamplesOnly {}
