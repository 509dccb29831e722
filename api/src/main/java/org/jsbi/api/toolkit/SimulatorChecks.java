package org.jsbi.api.toolkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.simulation.InvalidSimulation;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;

/**
 * The checks every model's simulator should pass before it is trusted with inference; one line in a plugin's test:
 *
 * <pre>{@code
 * @Test
 * void simulatorIsSound() {
 *   SimulatorChecks.of(model).maxInvalidShare(0.05).check();
 * }
 * }</pre>
 *
 * It runs the simulator on θ drawn from the prior and fails, with an {@link AssertionError} that says what is wrong
 * and how to fix it, when: the names do not match the dimensions or repeat; a prior draw has the wrong length,
 * is not finite or lies outside its own support; an output has the wrong length; the same seed does not give the
 * same x, on one thread and on several (hidden randomness: {@code Math.random}, a shared or static generator, or
 * state kept between calls); more than the allowed share of simulations are invalid; or a simulation is slower
 * than the budget, when one is set. The {@link Report} gives the figures.
 */
public final class SimulatorChecks {
  private final Model model;
  private int simulations = 200;
  private long seed = 1;
  private double maxInvalidShare = 0.1;
  private double maxSecondsPerSimulation = Double.POSITIVE_INFINITY;

  private SimulatorChecks(Model model) {
    this.model = model;
  }

  public static SimulatorChecks of(Model model) {
    return new SimulatorChecks(java.util.Objects.requireNonNull(model, "model"));
  }

  /** Simulations per check (default 200). */
  public SimulatorChecks simulations(int n) {
    this.simulations = n;
    return this;
  }

  public SimulatorChecks seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The largest share of invalid simulations at prior draws that passes (default 0.1). */
  public SimulatorChecks maxInvalidShare(double share) {
    this.maxInvalidShare = share;
    return this;
  }

  /** A time budget per simulation, on one thread (default none). */
  public SimulatorChecks maxSecondsPerSimulation(double seconds) {
    this.maxSecondsPerSimulation = seconds;
    return this;
  }

  /**
   * What the checks measured.
   *
   * @param invalidShare share of the simulations at prior draws that were invalid
   * @param invalidReasons the first few reasons given, one per distinct reason
   * @param secondsPerSimulation mean time of one simulation on one thread
   * @param usesGenerator whether x changes with the seed (false for a deterministic simulator)
   */
  public record Report(double invalidShare, List<String> invalidReasons, double secondsPerSimulation,
      boolean usesGenerator) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f%% invalid%s; %.3g ms per simulation; %s", 100 * invalidShare,
          invalidReasons.isEmpty() ? "" : " (" + String.join("; ", invalidReasons) + ")",
          1e3 * secondsPerSimulation, usesGenerator ? "stochastic" : "deterministic: x does not depend on the seed");
    }
  }

  /** Runs every check; throws {@link AssertionError} at the first that fails. */
  public Report check() {
    names();
    prior();
    outputLength();
    SimulationRunner one = new SimulationRunner(SimulationOptions.defaults().withThreads(1));
    long start = System.nanoTime();
    SimulationSet a = one.run(model, simulations, seed);
    double perSimulation = (System.nanoTime() - start) / 1e9 / simulations;
    SimulationSet b = new SimulationRunner(SimulationOptions.defaults().withThreads(3).withChunkSize(7))
        .run(model, simulations, seed);
    if (!Arrays.equals(a.x().data(), b.x().data()) || !Arrays.equals(a.indices(), b.indices())) {
      fail("the same seed gave different x on one thread and on three: the simulator has randomness that does "
          + "not come from the generator it is given (Math.random, a shared or static Random, or state kept between "
          + "calls); draw every random number from simulate's rng argument, and keep no mutable fields");
    }
    SimulationSet again = one.run(model, simulations, seed);
    if (!Arrays.equals(a.x().data(), again.x().data())) {
      fail("the same seed gave different x in two runs on one thread: the simulator has randomness that does not "
          + "come from the generator it is given, or keeps state between calls");
    }
    double invalidShare = (double) a.invalidCount() / simulations;
    List<String> reasons = new ArrayList<>();
    for (InvalidSimulation s : a.invalid()) {
      if (reasons.size() < 3 && !reasons.contains(s.reason())) {
        reasons.add(s.reason());
      }
    }
    if (invalidShare > maxInvalidShare) {
      fail(String.format(Locale.ROOT, "%d of %d simulations at prior draws were invalid (%.1f%%, more than %.1f%%); "
          + "first reasons: %s; fix the simulator, narrow the prior, or raise maxInvalidShare if that is expected",
          a.invalidCount(), simulations, 100 * invalidShare, 100 * maxInvalidShare, reasons));
    }
    if (perSimulation > maxSecondsPerSimulation) {
      fail(String.format(Locale.ROOT, "one simulation took %.3g s on average, over the budget of %.3g s",
          perSimulation, maxSecondsPerSimulation));
    }
    return new Report(invalidShare, List.copyOf(reasons), perSimulation, usesGenerator());
  }

  /** Whether x at the same θ changes with the simulator's stream. */
  private boolean usesGenerator() {
    RandomGenerator priorRng = new RandomStreams(seed).single(RandomStreams.Purpose.PRIOR);
    for (int i = 0; i < Math.min(simulations, 20); i++) {
      double[] theta = model.prior().sample(priorRng);
      try {
        double[] a = model.simulator().simulate(theta, new RandomStreams(seed).stream(i,
            RandomStreams.Purpose.SIMULATOR));
        double[] b = model.simulator().simulate(theta, new RandomStreams(seed + 1).stream(i,
            RandomStreams.Purpose.SIMULATOR));
        if (!Arrays.equals(a, b)) {
          return true;
        }
      } catch (RuntimeException e) {
        // an invalid simulation tells nothing either way
      }
    }
    return false;
  }

  private void names() {
    List<String> all = new ArrayList<>(model.parameterNames());
    all.addAll(model.dataNames());
    if (new HashSet<>(all).size() != all.size()) {
      fail("the parameter and data names repeat a name: " + all + "; give every column its own name");
    }
  }

  private void prior() {
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.PRIOR);
    for (int i = 0; i < simulations; i++) {
      double[] theta = model.prior().sample(rng);
      if (theta.length != model.parameterDim()) {
        fail("the prior drew θ of length " + theta.length + ", expected " + model.parameterDim());
      }
      for (double v : theta) {
        if (!Double.isFinite(v)) {
          fail("the prior drew a non-finite θ: " + Arrays.toString(theta));
        }
      }
      if (!model.prior().inSupport(theta) || !Double.isFinite(model.prior().logDensity(theta))) {
        fail("the prior drew θ = " + Arrays.toString(theta) + ", outside its own support (or with log density "
            + model.prior().logDensity(theta) + "); check the prior's inSupport and logDensity");
      }
    }
  }

  /** A wrong length is a bug, not an invalid simulation: the runner would hide it among the invalid ones. */
  private void outputLength() {
    RandomGenerator rng = new RandomStreams(seed).single(RandomStreams.Purpose.SIMULATOR);
    RandomGenerator priorRng = new RandomStreams(seed + 7).single(RandomStreams.Purpose.PRIOR);
    for (int i = 0; i < Math.min(simulations, 20); i++) {
      double[] theta = model.prior().sample(priorRng);
      double[] x;
      try {
        x = model.simulator().simulate(theta, rng);
      } catch (RuntimeException e) {
        continue; // counted as invalid in the runs that follow
      }
      if (x == null || x.length != model.dataDim()) {
        fail("the simulator returned " + (x == null ? "null" : x.length + " values") + " for θ = "
            + Arrays.toString(theta) + ", expected " + model.dataDim() + " (" + model.dataNames() + ")");
      }
    }
  }

  private void fail(String what) {
    throw new AssertionError("model '" + model.id() + "': " + what);
  }
}
