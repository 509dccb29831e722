package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The share of two-moons posterior draws in the upper crescent (θ₁ + θ₂ > 0), per observation, against sbibm's
 * reference samples: how evenly MCMC weights the two modes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.ModeShares SAMPLES.csv
 * REFERENCE_DIR}, SAMPLES.csv written by {@code jsbi sample} for sbibm's observations 1, 2, … in order (columns
 * observation, parameter_1, parameter_2), REFERENCE_DIR sbibm's files (../shared/sbibm).
 */
public final class ModeShares {
  private ModeShares() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    int observations = 0;
    for (String line : lines.subList(1, lines.size())) {
      observations = Math.max(observations, Integer.parseInt(line.split(",")[0]));
    }
    System.out.println("observation,share_upper,reference_share_upper");
    double gaps = 0;
    double largest = 0;
    for (int k = 1; k <= observations; k++) {
      long upper = 0;
      long all = 0;
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        if (Integer.parseInt(c[0]) == k) {
          all++;
          upper += Double.parseDouble(c[1]) + Double.parseDouble(c[2]) > 0 ? 1 : 0;
        }
      }
      List<String> ref = Files.readAllLines(Path.of(args[1], "two_moons", "num_observation_" + k,
          "reference_posterior_samples.csv"));
      long refUpper = ref.subList(1, ref.size()).stream().map(l -> l.split(","))
          .filter(c -> Double.parseDouble(c[0]) + Double.parseDouble(c[1]) > 0).count();
      double share = upper / (double) all;
      double refShare = refUpper / (double) (ref.size() - 1);
      gaps += Math.abs(share - refShare);
      largest = Math.max(largest, Math.abs(share - refShare));
      System.out.printf(Locale.ROOT, "%d,%.3f,%.3f%n", k, share, refShare);
    }
    System.out.printf(Locale.ROOT, "mean gap %.1f points, largest %.1f%n", 100 * gaps / observations,
        100 * largest);
  }
}
