package org.jsbi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BatchAndModelTest {
  static final class Pair implements Simulator {
    @Override
    public int parameterDim() {
      return 2;
    }

    @Override
    public int dataDim() {
      return 3;
    }

    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      return new double[] {theta[0], theta[1], rng.nextDouble()};
    }
  }

  @Test
  void batchIsRowMajorAndSelectsRows() {
    Batch b = Batch.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
    assertThat(b.data()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(b.column(1)).containsExactly(2, 4, 6);
    assertThat(b.selectRows(new int[] {2, 0}).data()).containsExactly(5, 6, 1, 2);
  }

  @Test
  void batchRejectsInconsistentShapes() {
    assertThatThrownBy(() -> Batch.wrap(2, 3, new double[5]))
        .hasMessageContaining("expected length rows*cols = 6, got 5");
    assertThatThrownBy(() -> Batch.of(new double[] {1, 2}, new double[] {3}))
        .hasMessageContaining("rows[1]: expected length 2, got 1");
  }

  @Test
  void finiteVectorNamesTheOffendingEntry() {
    assertThatThrownBy(() -> Arguments.finiteVector("theta", new double[] {0, Double.NaN}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theta[1]: expected a finite number, got NaN");
  }

  @Test
  void modelDefaultsNamesAndChecksDimensions() {
    Model m = Model.builder("pair").prior(Priors.boxUniform(2, 0, 1)).simulator(new Pair()).build();
    assertThat(m.parameterNames()).containsExactly("theta_1", "theta_2");
    assertThat(m.dataNames()).containsExactly("x_1", "x_2", "x_3");
    assertThatThrownBy(() -> Model.builder("pair").prior(Priors.boxUniform(2, 0, 1)).simulator(new Pair())
            .dataNames("a", "b").build())
        .hasMessageContaining("dataNames: expected 3 names, got 2");
    assertThatThrownBy(() -> Model.builder("pair").prior(Priors.boxUniform(3, 0, 1)).simulator(new Pair()).build())
        .hasMessageContaining("prior dimension 3 does not match the simulator's parameter dimension 2");
  }

  @Test
  void idsMustBeKebabCase() {
    assertThat(Model.validId("two-moons")).isEqualTo("two-moons");
    assertThat(Model.validId("sir2")).isEqualTo("sir2");
    for (String bad : new String[] {"TwoMoons", "two_moons", "-x", "x-", "a--b", "", "2x"}) {
      assertThatThrownBy(() -> Model.validId(bad)).as(bad).hasMessageContaining("kebab-case");
    }
  }
}
