package org.jsbi.api;

import java.util.random.RandomGenerator;

/**
 * Lets Commons Math's distributions draw from the JDK {@link RandomGenerator} that a simulator is given, so that
 * their draws come from the simulation's own stream and a run stays reproducible from its seed:
 *
 * <pre>{@code
 * double k = new BinomialDistribution(MathRandomAdapter.of(rng), n, p).sample();
 * }</pre>
 *
 * {@code Noise} (in {@code org.jsbi.api.toolkit}) does this for the common noise models. Reseeding is not supported: seed the JDK
 * generator instead.
 */
public final class MathRandomAdapter implements org.apache.commons.math3.random.RandomGenerator {
  private final RandomGenerator rng;

  MathRandomAdapter(RandomGenerator rng) {
    this.rng = java.util.Objects.requireNonNull(rng, "rng");
  }

  /** A Commons Math generator that draws from {@code rng}. */
  public static MathRandomAdapter of(RandomGenerator rng) {
    return new MathRandomAdapter(rng);
  }

  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("seed the JDK RandomGenerator instead");
  }

  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("seed the JDK RandomGenerator instead");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("seed the JDK RandomGenerator instead");
  }

  @Override
  public void nextBytes(byte[] bytes) {
    rng.nextBytes(bytes);
  }

  @Override
  public int nextInt() {
    return rng.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return rng.nextInt(n);
  }

  @Override
  public long nextLong() {
    return rng.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return rng.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return rng.nextFloat();
  }

  @Override
  public double nextDouble() {
    return rng.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return rng.nextGaussian();
  }
}
