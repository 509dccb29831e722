package org.jsbi.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.Simulator;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.junit.jupiter.api.Test;

/** Solutions against closed forms; a failed solve becomes an invalid simulation that says why. */
class OdeTest {
  @Test
  void anOscillatorIsObservedAtTheGivenTimes() {
    double[] times = Ode.times(0.5, 0.5, 20);
    double[][] y = Ode.solve((t, s, ds) -> {
      ds[0] = s[1];
      ds[1] = -s[0];
    }, 0, new double[] {1, 0}, times, Ode.Tolerances.defaults());
    for (int i = 0; i < times.length; i++) {
      assertThat(y[i][0]).isCloseTo(Math.cos(times[i]), Offset.offset(1e-7));
      assertThat(y[i][1]).isCloseTo(-Math.sin(times[i]), Offset.offset(1e-7));
    }
    assertThat(Ode.component(y, 0)).hasSize(20);
  }

  @Test
  void theInitialTimeMayBeObserved() {
    double[][] y = Ode.solve((t, s, ds) -> ds[0] = -2 * s[0], 1, new double[] {3}, new double[] {1, 2},
        Ode.Tolerances.defaults());
    assertThat(y[0][0]).isEqualTo(3);
    assertThat(y[1][0]).isCloseTo(3 * Math.exp(-2), Offset.offset(1e-8));
  }

  @Test
  void aBlowUpFailsWithWhereAndWhy() {
    // y' = y², y(0) = 1 has y = 1 / (1 − t): it blows up at t = 1
    assertThatThrownBy(() -> Ode.solve((t, s, ds) -> ds[0] = s[0] * s[0], 0, new double[] {1},
        new double[] {0.5, 2}, Ode.Tolerances.defaults()))
        .isInstanceOf(Ode.Failure.class).hasMessageStartingWith("ODE solve failed between t = 0.5 and t = 2.0: ");
    assertThatThrownBy(() -> Ode.solve((t, s, ds) -> ds[0] = 1, 0, new double[] {0}, new double[] {2, 1},
        Ode.Tolerances.defaults())).hasMessage("times: expected increasing times from t0 = 0.0, got [2.0, 1.0]");
  }

  @Test
  void inASimulatorAFailedSolveIsAnInvalidSimulationWithItsReason() {
    // growth at rate θ² of y' = θ y²: blows up before t = 1 when θ > 1
    Simulator blowUp = new Simulator() {
      @Override
      public int parameterDim() {
        return 1;
      }

      @Override
      public int dataDim() {
        return 1;
      }

      @Override
      public double[] simulate(double[] theta, java.util.random.RandomGenerator rng) {
        return Ode.solve((t, s, ds) -> ds[0] = theta[0] * s[0] * s[0], 0, new double[] {1}, new double[] {1},
            Ode.Tolerances.defaults())[0];
      }
    };
    Model model = Model.builder("blow-up").prior(Priors.boxUniform(1, 0, 2)).simulator(blowUp).build();
    SimulationSet set = new SimulationRunner(SimulationOptions.defaults()).run(model, 200, 1);
    assertThat(set.invalidCount()).isBetween(70, 130);
    assertThat(set.invalid()).allSatisfy(s -> {
      assertThat(s.theta()[0]).isGreaterThan(0.99);
      assertThat(s.reason()).startsWith("simulator threw Failure: ODE ");
    });
  }
}
