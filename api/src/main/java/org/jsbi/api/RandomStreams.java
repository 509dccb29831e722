package org.jsbi.api;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One independent random stream per (index, purpose), derived from a single seed, so that what simulation i
 * draws never depends on the thread or machine that ran it, nor on how many simulations ran before it.
 *
 * <p>Each stream is an L64X128MixRandom (an LXM generator, JEP 356) seeded with a SplitMix64-style hash of
 * (seed, index, purpose); LXM generators seeded differently also differ in their additive parameter, so the
 * streams are statistically independent.
 */
public final class RandomStreams {
  /** What a stream is used for; different purposes of one index get different streams. */
  public enum Purpose {
    PRIOR,
    SIMULATOR,
    ESTIMATOR,
    SAMPLER
  }

  private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
      RandomGeneratorFactory.of("L64X128MixRandom");
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream for one index and purpose; the same arguments always give the same sequence. */
  public RandomGenerator stream(long index, Purpose purpose) {
    if (index < 0) {
      throw new IllegalArgumentException("index: expected a non-negative index, got " + index);
    }
    long key = mix(seed ^ mix(index * GOLDEN_GAMMA + purpose.ordinal() + 1));
    return FACTORY.create(key);
  }

  /** A single generator for work that is not split by index, for example shuffling a training set. */
  public RandomGenerator single(Purpose purpose) {
    return FACTORY.create(mix(seed + GOLDEN_GAMMA * (purpose.ordinal() + 1) ^ 0x5851f42d4c957f2dL));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
