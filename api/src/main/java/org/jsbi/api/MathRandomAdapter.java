package org.jsbi.api;

import java.util.random.RandomGenerator;

/** Lets Commons Math samplers draw from a JDK {@link RandomGenerator}. Reseeding is not supported. */
final class MathRandomAdapter implements org.apache.commons.math3.random.RandomGenerator {
  private final RandomGenerator rng;

  MathRandomAdapter(RandomGenerator rng) {
    this.rng = rng;
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
