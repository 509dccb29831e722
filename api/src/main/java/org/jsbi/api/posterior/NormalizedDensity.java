package org.jsbi.api.posterior;

/**
 * The capability of a posterior whose {@link Posterior#logProb} is the normalized density of its approximation (NPE
 * with a flow, corrected for mass outside the prior's support). Without it, {@code logProb} is unnormalized (NLE:
 * the learned likelihood times the prior) or a Monte-Carlo estimate (a conditional VAE's bound): fine for ranking
 * θ at one x, as HPD coverage does, but not for comparing densities across observations or with another posterior.
 */
public interface NormalizedDensity {}
