package org.jsbi.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.Simulator;
import org.junit.jupiter.api.Test;

/** The simulator test kit passes a sound simulator and names what is wrong with an unsound one. */
class SimulatorChecksTest {
  /** x = θ + noise, with the noise made by {@code noise}. */
  private static Model model(int dataDim, java.util.function.BiFunction<double[], RandomGenerator, double[]> f) {
    Simulator s = new Simulator() {
      @Override
      public int parameterDim() {
        return 2;
      }

      @Override
      public int dataDim() {
        return dataDim;
      }

      @Override
      public double[] simulate(double[] theta, RandomGenerator rng) {
        return f.apply(theta, rng);
      }
    };
    return Model.builder("m").prior(Priors.boxUniform(2, -1, 1)).simulator(s).build();
  }

  @Test
  void aSoundSimulatorPasses() {
    SimulatorChecks.Report r = SimulatorChecks.of(model(2, (t, rng) -> new double[] {t[0] + Noise.normal(rng, 0, 1),
        Noise.poisson(rng, 2 + t[1])})).check();
    assertThat(r.invalidShare()).isZero();
    assertThat(r.usesGenerator()).isTrue();
    assertThat(r.secondsPerSimulation()).isPositive();
    assertThat(SimulatorChecks.of(model(2, (t, rng) -> t.clone())).check().usesGenerator()).isFalse();
  }

  @Test
  void hiddenRandomnessFails() {
    assertThatThrownBy(() -> SimulatorChecks.of(model(2, (t, rng) -> new double[] {t[0] + Math.random(), t[1]}))
        .check()).isInstanceOf(AssertionError.class).hasMessageStartingWith("model 'm': the same seed gave "
        + "different x on one thread and on three: the simulator has randomness that does not come from the "
        + "generator it is given");
    AtomicLong calls = new AtomicLong(); // state kept between calls
    assertThatThrownBy(() -> SimulatorChecks.of(model(2, (t, rng) -> new double[] {t[0] + calls.incrementAndGet(),
        t[1]})).check()).hasMessageContaining("the same seed gave different x");
  }

  @Test
  void aWrongLengthOrTooManyInvalidSimulationsFail() {
    assertThatThrownBy(() -> SimulatorChecks.of(model(3, (t, rng) -> t.clone())).check())
        .hasMessageStartingWith("model 'm': the simulator returned 2 values for θ = ").hasMessageEndingWith(
            ", expected 3 ([x_1, x_2, x_3])");
    Model failing = model(2, (t, rng) -> {
      if (t[0] < 0) {
        throw new IllegalStateException("negative rate");
      }
      return t.clone();
    });
    assertThatThrownBy(() -> SimulatorChecks.of(failing).check()).hasMessageMatching("model 'm': \\d+ of 200 "
        + "simulations at prior draws were invalid \\(\\d+\\.\\d%, more than 10\\.0%\\); first reasons: \\[simulator "
        + "threw IllegalStateException: negative rate\\]; fix the simulator, narrow the prior, or raise "
        + "maxInvalidShare if that is expected");
    assertThat(SimulatorChecks.of(failing).maxInvalidShare(0.7).check().invalidShare()).isBetween(0.35, 0.65);
  }

  @Test
  void aSlowSimulatorFailsItsBudget() {
    assertThatThrownBy(() -> SimulatorChecks.of(model(2, (t, rng) -> {
      long end = System.nanoTime() + 2_000_000;
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      return t.clone();
    })).simulations(20).maxSecondsPerSimulation(1e-3).check()).hasMessageContaining("over the budget of 0.00100 s");
  }
}
