package org.jsbi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsbi.api.Batch;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.inference.mcmc.LogDensity;
import org.jsbi.inference.mcmc.Mcmc;
import org.jsbi.inference.mcmc.McmcResult;
import org.jsbi.inference.mcmc.McmcSettings;
import org.jsbi.simulators.Slcp;

/**
 * The MCMC sampler alone on slcp's four modes: the default sampler (and, for comparison, without jumps between modes,
 * and with differential-evolution jumps) run on slcp's closed-form likelihood for sbibm's observations 1–10, 10,000 draws each. By symmetry
 * the exact posterior holds 25% in each sign pattern of θ3 and θ4, so the draws' shares measure the sampler, not a
 * learned likelihood.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.jsbi.benchmarks.ExactSlcpModes REFERENCE_DIR [SEED]},
 * REFERENCE_DIR sbibm's files (../shared/sbibm).
 */
public final class ExactSlcpModes {
  private ExactSlcpModes() {}

  public static void main(String[] args) throws IOException {
    Path reference = Path.of(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 5;
    System.out.println("observation,jumps,shares (θ3<0 θ4<0, θ3>0 θ4<0, θ3<0 θ4>0, θ3>0 θ4>0),largest gap,"
        + "max R-hat,min ESS,seconds");
    for (McmcSettings.Jumps jumps : McmcSettings.Jumps.values()) {
      double gaps = 0;
      double largest = 0;
      for (int k = 1; k <= 10; k++) {
        List<String> lines = Files.readAllLines(reference.resolve("slcp").resolve("num_observation_" + k)
            .resolve("observation.csv"));
        double[] x = Arrays.stream(lines.get(lines.size() - 1).split(",")).mapToDouble(Double::parseDouble)
            .toArray();
        LogDensity likelihood = theta -> {
          double[] out = new double[theta.rows()];
          for (int r = 0; r < out.length; r++) {
            out[r] = Slcp.logLikelihood(theta.row(r), x);
          }
          return out;
        };
        McmcResult r = Mcmc.sample(Mcmc.Method.SLICE, Priors.boxUniform(5, -3, 3), likelihood, 10_000,
            McmcSettings.defaults().withJumps(jumps), new RandomStreams(seed + k).single(RandomStreams.Purpose.SAMPLER));
        double[] share = shares(r.samples());
        double gap = Arrays.stream(share).map(s -> Math.abs(s - 0.25)).max().orElseThrow();
        gaps += Arrays.stream(share).map(s -> Math.abs(s - 0.25)).sum() / 4;
        largest = Math.max(largest, gap);
        System.out.printf(Locale.ROOT, "%d,%s,%.1f %.1f %.1f %.1f,%.1f,%.3f,%.0f,%.2f%n", k, jumps.name().toLowerCase(Locale.ROOT),
            100 * share[0], 100 * share[1], 100 * share[2], 100 * share[3], 100 * gap,
            Arrays.stream(r.rHat()).max().orElseThrow(), Arrays.stream(r.ess()).min().orElseThrow(), r.seconds());
      }
      System.out.printf(Locale.ROOT, "# jumps %s: mean gap %.1f points, largest %.1f%n", jumps.name().toLowerCase(Locale.ROOT),
          10 * gaps, 100 * largest);
    }
  }

  private static double[] shares(Batch draws) {
    double[] share = new double[4];
    for (int r = 0; r < draws.rows(); r++) {
      share[(draws.get(r, 2) > 0 ? 1 : 0) + (draws.get(r, 3) > 0 ? 2 : 0)] += 1.0 / draws.rows();
    }
    return share;
  }
}
