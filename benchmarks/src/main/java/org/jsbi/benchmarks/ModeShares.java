package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The share of posterior draws in each mode, per observation, against sbibm's reference samples: how evenly MCMC
 * weights the modes. two-moons has two (the upper crescent, θ₁ + θ₂ > 0, and the lower); slcp four, the sign
 * patterns of θ₃ and θ₄, which its likelihood sees only squared.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.ModeShares SAMPLES.csv
 * REFERENCE_DIR [two-moons|slcp]}, SAMPLES.csv written by {@code jsbi sample} for sbibm's observations 1, 2, … in
 * order (an observation column, then the parameters), REFERENCE_DIR sbibm's files (../shared/sbibm).
 */
public final class ModeShares {
  private ModeShares() {}

  /** The mode of a row of parameters. */
  private static int mode(String task, double[] theta) {
    return task.equals("slcp") ? (theta[2] > 0 ? 1 : 0) + (theta[3] > 0 ? 2 : 0) : theta[0] + theta[1] > 0 ? 0 : 1;
  }

  public static void main(String[] args) throws IOException {
    String task = args.length > 2 ? args[2] : "two-moons";
    if (!task.equals("two-moons") && !task.equals("slcp")) {
      throw new IllegalArgumentException("task: expected two-moons or slcp, got '" + task + "'");
    }
    int modes = task.equals("slcp") ? 4 : 2;
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    int observations = 0;
    for (String line : lines.subList(1, lines.size())) {
      observations = Math.max(observations, Integer.parseInt(line.split(",")[0]));
    }
    System.out.println(task.equals("slcp") ? "observation,shares (θ3<0 θ4<0, θ3>0 θ4<0, θ3<0 θ4>0, θ3>0 θ4>0),"
        + "reference shares" : "observation,share_upper,reference_share_upper");
    double gaps = 0;
    double largest = 0;
    for (int k = 1; k <= observations; k++) {
      double[] share = new double[modes];
      long all = 0;
      for (String line : lines.subList(1, lines.size())) {
        double[] c = parse(line);
        if ((int) c[0] == k) {
          all++;
          share[mode(task, java.util.Arrays.copyOfRange(c, 1, c.length))]++;
        }
      }
      List<String> ref = Files.readAllLines(Path.of(args[1], task.replace('-', '_'), "num_observation_" + k,
          "reference_posterior_samples.csv"));
      double[] refShare = new double[modes];
      for (String line : ref.subList(1, ref.size())) {
        refShare[mode(task, parse(line))]++;
      }
      StringJoiner ours = new StringJoiner(" ");
      StringJoiner theirs = new StringJoiner(" ");
      for (int m = 0; m < (task.equals("slcp") ? modes : 1); m++) {
        share[m] /= all;
        refShare[m] /= ref.size() - 1;
        gaps += Math.abs(share[m] - refShare[m]);
        largest = Math.max(largest, Math.abs(share[m] - refShare[m]));
        ours.add(String.format(Locale.ROOT, "%.3f", share[m]));
        theirs.add(String.format(Locale.ROOT, "%.3f", refShare[m]));
      }
      System.out.printf(Locale.ROOT, "%d,%s,%s%n", k, ours, theirs);
    }
    int compared = observations * (task.equals("slcp") ? modes : 1);
    System.out.printf(Locale.ROOT, "mean gap %.1f points, largest %.1f%n", 100 * gaps / compared, 100 * largest);
  }

  private static double[] parse(String line) {
    return java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
