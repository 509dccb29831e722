package org.jsbi.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.Simulator;
import org.junit.jupiter.api.Test;

/** Sets of trials: N drawn per simulation within the range, laid out with zeros past N, or fixed like an observation. */
class TrialsTest {
  private static final Simulator ONE = new Simulator() {
    @Override
    public int parameterDim() {
      return 1;
    }

    @Override
    public int dataDim() {
      return 2;
    }

    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      return new double[] {theta[0] + rng.nextGaussian(), 1 + rng.nextDouble()};
    }
  };

  @Test
  void eachSetHasAWholeNumberOfTrialsInRangeAndZerosPastIt() {
    Trials sets = Trials.of(ONE, 2, 6);
    assertThat(sets.dataShape()).isEqualTo(DataShape.trials(2, 6, 2));
    assertThat(sets.dataDim()).isEqualTo(13);
    RandomGenerator rng = new RandomStreams(1).single(RandomStreams.Purpose.SIMULATOR);
    int[] seen = new int[7];
    for (int i = 0; i < 500; i++) {
      double[] x = sets.simulate(new double[] {0.5}, rng);
      int n = (int) x[0];
      seen[n]++;
      for (int k = 0; k < 6; k++) {
        assertThat(x[1 + 2 * k + 1] > 0).as("trial %d of %d is filled", k + 1, n).isEqualTo(k < n);
      }
    }
    assertThat(seen[0]).isZero();
    assertThat(seen[1]).isZero();
    for (int n = 2; n <= 6; n++) {
      assertThat(seen[n]).as("sets of %d trials among 500", n).isBetween(60, 140);
    }
  }

  @Test
  void aModelForAnObservationSimulatesItsNumberOfTrials() {
    Model model = Model.builder("sets").prior(Priors.isotropicNormal(1, 0, 1)).simulator(Trials.of(ONE, 1, 5))
        .dataNames("a", "b").build();
    double[] observed = Trials.row(model.dataShape(), new double[][] {{0.1, 1.2}, {0.3, 1.5}, {-0.2, 1.1}});
    Model like = model.forObservation(observed);
    assertThat(like.dataNames()).isEqualTo(model.dataNames());
    assertThat(like.dataShape()).isEqualTo(model.dataShape());
    RandomGenerator rng = new RandomStreams(2).single(RandomStreams.Purpose.SIMULATOR);
    for (int i = 0; i < 50; i++) {
      assertThat(like.simulator().simulate(new double[] {0}, rng)[0]).isEqualTo(3.0);
    }
    double[] six = new double[model.dataShape().columns()];
    six[0] = 6;
    assertThatThrownBy(() -> model.forObservation(six)).hasMessageContaining("expected 1 to 5 trials");
    Model vector = Model.builder("plain").prior(Priors.isotropicNormal(1, 0, 1)).simulator(ONE).build();
    assertThat(vector.forObservation(new double[] {0, 1})).isSameAs(vector);
  }
}
