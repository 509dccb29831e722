package org.jsbi.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.Simulator;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {
  /** x = θ + N(0, 1) noise. */
  static class Noisy implements Simulator {
    @Override
    public int parameterDim() {
      return 2;
    }

    @Override
    public int dataDim() {
      return 2;
    }

    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      return new double[] {theta[0] + rng.nextGaussian(), theta[1] + rng.nextGaussian()};
    }
  }

  /** The same model with a batch override, as a vectorized simulator would write it. */
  static final class VectorizedNoisy extends Noisy {
    @Override
    public Batch simulateBatch(Batch theta, RandomGenerator[] rngs) {
      Batch x = Batch.zeros(theta.rows(), 2);
      for (int i = 0; i < theta.rows(); i++) {
        x.set(i, 0, theta.get(i, 0) + rngs[i].nextGaussian());
        x.set(i, 1, theta.get(i, 1) + rngs[i].nextGaussian());
      }
      return x;
    }
  }

  /** Fails by θ0 band: throws below -0.5, NaN in [-0.5, -0.25), wrong length in [-0.25, -0.2). */
  static final class Failing extends Noisy {
    @Override
    public double[] simulate(double[] theta, RandomGenerator rng) {
      if (theta[0] < -0.5) {
        throw new IllegalStateException("diverged");
      }
      if (theta[0] < -0.25) {
        return new double[] {Double.NaN, 0};
      }
      if (theta[0] < -0.2) {
        return new double[] {1};
      }
      return super.simulate(theta, rng);
    }
  }

  static Model model(Simulator s) {
    return Model.builder("test").prior(Priors.boxUniform(2, -1, 1)).simulator(s).build();
  }

  static SimulationSet run(Simulator s, int n, long seed, SimulationOptions options) {
    return new SimulationRunner(options).run(model(s), n, seed);
  }

  static SimulationOptions threads(int t) {
    return SimulationOptions.defaults().withThreads(t);
  }

  @Test
  void outputIsIdenticalForOneAndManyThreadsAndAnyChunking() {
    SimulationSet one = run(new Noisy(), 5000, 11, threads(1));
    SimulationSet four = run(new Noisy(), 5000, 11, threads(4));
    SimulationSet oddChunks = run(new Noisy(), 5000, 11, threads(3).withChunkSize(7));
    assertThat(four.theta()).isEqualTo(one.theta());
    assertThat(four.x()).isEqualTo(one.x());
    assertThat(oddChunks.x()).isEqualTo(one.x());
  }

  @Test
  void differentSeedsGiveDifferentOutput() {
    assertThat(run(new Noisy(), 100, 1, threads(2)).x()).isNotEqualTo(run(new Noisy(), 100, 2, threads(2)).x());
  }

  @Test
  void batchOverrideGivesTheSameValuesAsThePerRowForm() {
    SimulationSet perRow = run(new Noisy(), 3000, 5, threads(2));
    SimulationSet batched = run(new VectorizedNoisy(), 3000, 5, threads(2).withChunkSize(64));
    assertThat(batched.x()).isEqualTo(perRow.x());
  }

  @Test
  void thetaComesFromThePrior() {
    SimulationSet set = run(new Noisy(), 20_000, 3, threads(2));
    double[] t0 = set.theta().column(0);
    assertThat(java.util.Arrays.stream(t0).min().orElseThrow()).isGreaterThanOrEqualTo(-1);
    assertThat(java.util.Arrays.stream(t0).max().orElseThrow()).isLessThanOrEqualTo(1);
    assertThat(java.util.Arrays.stream(t0).average().orElseThrow()).isBetween(-0.03, 0.03);
  }

  @Test
  void failuresAreRecordedWithIndexThetaAndReasonAndExcluded() {
    SimulationSet set = run(new Failing(), 2000, 8, threads(2));
    assertThat(set.numSimulations()).isEqualTo(2000);
    assertThat(set.invalidCount()).isBetween(720, 880); // P(θ0 < -0.2) = 0.4, so about 800 ± 22
    assertThat(set.size()).isEqualTo(2000 - set.invalidCount());
    assertThat(set.validCount()).isEqualTo(set.size());
    for (InvalidSimulation s : set.invalid()) {
      double t0 = s.theta()[0];
      if (t0 < -0.5) {
        assertThat(s.reason()).contains("threw IllegalStateException: diverged");
      } else if (t0 < -0.25) {
        assertThat(s.reason()).contains("NaN").contains("x_1");
      } else {
        assertThat(s.reason()).contains("returned 1 values, expected 2");
      }
    }
    for (int i = 0; i < set.size(); i++) {
      assertThat(set.theta().get(i, 0)).isGreaterThanOrEqualTo(-0.2);
    }
    // The invalid rows are the ones missing from the indices, and θ stays aligned with its index.
    SimulationSet kept = run(new Failing(), 2000, 8, threads(1).withPolicy(InvalidPolicy.KEEP));
    for (InvalidSimulation s : set.invalid()) {
      assertThat(kept.theta().row((int) s.index())).containsExactly(s.theta());
    }
  }

  @Test
  void keepPolicyKeepsInvalidRowsWithNaN() {
    SimulationSet set = run(new Failing(), 1000, 8, threads(2).withPolicy(InvalidPolicy.KEEP));
    assertThat(set.size()).isEqualTo(1000);
    assertThat(set.invalidCount()).isPositive();
    InvalidSimulation first = set.invalid().get(0);
    assertThat(set.x().get((int) first.index(), 0)).isNaN();
    assertThat(set.summary()).contains("1000 simulations").contains("invalid (kept)");
  }

  @Test
  void blocksTogetherAreTheWholeRunWithItsInvalidSimulationsAndProgress() throws java.io.IOException {
    for (InvalidPolicy policy : InvalidPolicy.values()) {
      SimulationSet whole = run(new Failing(), 2500, 4, threads(2).withPolicy(policy));
      List<SimulationSet> blocks = new ArrayList<>();
      List<Long> seen = Collections.synchronizedList(new ArrayList<>());
      new SimulationRunner(threads(3).withPolicy(policy).withListener((done, total) -> {
        assertThat(total).isEqualTo(2500);
        seen.add(done);
      })).runInBlocks(model(new Failing()), 2500, 4, 700, blocks::add);
      assertThat(blocks).extracting(SimulationSet::numSimulations).containsExactly(700, 700, 700, 400);
      assertThat(blocks.stream().flatMapToInt(b -> java.util.Arrays.stream(b.indices())).toArray())
          .containsExactly(whole.indices());
      assertThat(blocks.stream().flatMapToDouble(b -> java.util.Arrays.stream(b.theta().data())).toArray())
          .containsExactly(whole.theta().data());
      assertThat(blocks.stream().flatMapToDouble(b -> java.util.Arrays.stream(b.x().data())).toArray())
          .containsExactly(whole.x().data());
      assertThat(blocks.stream().flatMap(b -> b.invalid().stream()).map(InvalidSimulation::index).toList())
          .isEqualTo(whole.invalid().stream().map(InvalidSimulation::index).toList()).isNotEmpty();
      assertThat(seen).isSorted().last().isEqualTo(2500L);
    }
  }

  @Test
  void progressReachesTheTotalMonotonically() {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    run(new Noisy(), 1000, 1, threads(3).withChunkSize(10).withListener((done, total) -> {
      assertThat(total).isEqualTo(1000);
      seen.add(done);
    }));
    assertThat(seen).isSorted().hasSize(100).last().isEqualTo(1000L);
  }

  @Test
  void cancellationStopsTheRun() {
    Cancellation cancellation = new Cancellation();
    SimulationOptions options = threads(2).withChunkSize(10).withCancellation(cancellation)
        .withListener((done, total) -> {
          if (done >= 100) {
            cancellation.cancel();
          }
        });
    assertThatThrownBy(() -> run(new Noisy(), 1_000_000, 1, options))
        .isInstanceOf(CancellationException.class)
        .hasMessageContaining("cancelled after");
  }

  @Test
  void runForSimulatesGivenTheta() {
    Batch theta = Batch.of(new double[] {100, -100}, new double[] {0, 0});
    SimulationSet set = new SimulationRunner(threads(1)).runFor(model(new Noisy()), theta, 1);
    assertThat(set.theta()).isEqualTo(theta);
    assertThat(set.x().get(0, 0)).isBetween(95.0, 105.0);
  }

  @Test
  void badInputsAreRejectedNamingTheArgument() {
    SimulationRunner runner = new SimulationRunner(threads(1));
    assertThatThrownBy(() -> runner.run(model(new Noisy()), 0, 1))
        .hasMessageContaining("numSimulations: expected a positive integer, got 0");
    assertThatThrownBy(() -> threads(0)).hasMessageContaining("threads: expected a positive integer, got 0");
    assertThatThrownBy(() -> runner.runFor(model(new Noisy()), Batch.of(new double[] {1, Double.NaN}), 1))
        .hasMessageContaining("theta[0][1]: expected a finite number, got NaN");
    assertThatThrownBy(() -> runner.runFor(model(new Noisy()), Batch.of(new double[] {1, 2, 3}), 1))
        .hasMessageContaining("theta: expected 2 columns, got 3");
  }
}
