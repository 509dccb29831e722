package org.jsbi.simulators;

import org.jsbi.api.Batch;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.Simulator;

/** Many simulations at one fixed θ, for checking a simulator's distribution. */
final class Draws {
  private Draws() {}

  static Batch at(Simulator simulator, double[] theta, int n, long seed) {
    RandomStreams streams = new RandomStreams(seed);
    Batch x = Batch.zeros(n, simulator.dataDim());
    for (int i = 0; i < n; i++) {
      x.setRow(i, simulator.simulate(theta, streams.stream(i, RandomStreams.Purpose.SIMULATOR)));
    }
    return x;
  }

  static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElseThrow();
  }

  static double variance(double[] v) {
    double m = mean(v);
    return java.util.Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / (v.length - 1);
  }
}
