package org.jsbi.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The shared trainer with objectives written outside the density estimators, as a plugin would write them: a
 * least-squares regression that must find the coefficients that generated the data, and two updates in one stage,
 * each moving only its own variables.
 */
class TrainerTest {
  private static final double A = 1.5;
  private static final double B = -0.7;

  /** y = A·x + B + small noise, {@code n} rows. */
  private static float[][] line(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) rng.nextGaussian();
      y[i] = (float) (A * x[i] + B + 0.01 * rng.nextGaussian());
    }
    return new float[][] {x, y};
  }

  private static Operand<TFloat32> meanSquare(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.mean(tf.reshape(tf.math.square(tf.math.sub(a, b)), tf.constant(new int[] {-1})),
        tf.constant(0));
  }

  @Test
  void aRegressionObjectiveFindsTheCoefficientsAndKeepsTheBestWeights() {
    float[][] train = line(900, 1);
    float[][] val = line(100, 2);
    TrainingConfig config = TrainingConfig.defaults(3).withLearningRate(0.05).withMaxEpochs(300).withPatience(5);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Parameters p = new Parameters(tf, new SplittableRandom(4), null);
      Operand<TFloat32> a = p.matrix("a", 1, 1);
      Operand<TFloat32> b = p.vector("b", 1, 0f);
      Trainer.Run run = new Trainer(graph, tf, p.variables(), config, new SplittableRandom(5))
          .training("x", train[0], 900, 1).training("y", train[1], 900, 1)
          .validation("x", val[0], 100, 1).validation("y", val[1], 100, 1)
          .build(g -> Stages.of(Stage.of(
              meanSquare(tf, tf.math.add(tf.linalg.matMul(g.batch("x"), a), b), g.batch("y")),
              meanSquare(tf, tf.math.add(tf.linalg.matMul(g.validation("x"), a), b), g.validation("y")))));
      try (Session session = Sessions.open(graph)) {
        session.initialize();
        TrainingHistory h = run.fit(session, TrainingListener.NONE, "");
        Map<String, float[]> w = p.read(session);
        assertThat(w.get("a")[0]).isCloseTo((float) A, within(0.01f));
        assertThat(w.get("b")[0]).isCloseTo((float) B, within(0.01f));
        double bestVal = h.epochs().get(h.bestEpoch() - 1).validationLoss();
        assertThat(h.epochs()).allSatisfy(e -> assertThat(e.validationLoss()).isGreaterThanOrEqualTo(bestVal));
        assertThat(bestVal).isLessThan(1e-3);
      }
    }
  }

  @Test
  void eachUpdateOfAStageMovesOnlyItsOwnVariables() {
    float[][] train = line(500, 6);
    TrainingConfig config = TrainingConfig.defaults(3).withLearningRate(0.05).withMaxEpochs(150).withPatience(10);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Parameters p = new Parameters(tf, new SplittableRandom(7), null);
      Operand<TFloat32> a = p.matrix("a", 1, 1);
      Operand<TFloat32> c = p.vector("c", 1, 0f);
      List<Variable<TFloat32>> vars = p.variables();
      // The slope update fits y − B through the origin; the offset update fits the mean of y − A·x, with its own
      // variable only, so neither can lower its loss through the other's.
      Trainer.Run run = new Trainer(graph, tf, vars, config, new SplittableRandom(8))
          .training("x", train[0], 500, 1).training("y", train[1], 500, 1).stopOnTrainingLoss(1e-7)
          .build(g -> {
            Operand<TFloat32> slope = meanSquare(tf, tf.linalg.matMul(g.batch("x"), a),
                tf.math.sub(g.batch("y"), tf.constant((float) B)));
            Operand<TFloat32> offset = meanSquare(tf, c, tf.math.sub(g.batch("y"),
                tf.math.mul(g.batch("x"), tf.constant((float) A))));
            return Stages.of(new Stage(List.of(new Stage.Update(slope, List.of(vars.get(0))),
                new Stage.Update(offset, List.of(vars.get(1)))), null));
          });
      try (Session session = Sessions.open(graph)) {
        session.initialize();
        TrainingHistory h = run.fit(session, TrainingListener.NONE, "");
        Map<String, float[]> w = p.read(session);
        assertThat(w.get("a")[0]).isCloseTo((float) A, within(0.01f));
        assertThat(w.get("c")[0]).isCloseTo((float) B, within(0.01f));
        assertThat(h.epochs()).allSatisfy(e -> assertThat(e.validationLoss()).isNaN());
        assertThat(h.epochCount()).isLessThan(150);
      }
    }
  }

  @Test
  void earlyStoppingWithoutValidationTablesIsRefusedBeforeTraining() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Parameters p = new Parameters(tf, new SplittableRandom(7), null);
      Operand<TFloat32> a = p.vector("a", 1, 0f);
      Trainer t = new Trainer(graph, tf, p.variables(), TrainingConfig.defaults(1), new SplittableRandom(1))
          .training("x", new float[10], 10, 1);
      assertThatThrownBy(() -> t.build(g -> Stages.of(Stage.of(meanSquare(tf, a, g.batch("x")), null))))
          .hasMessageStartingWith("validation: expected the tables early stopping validates on, got none");
      assertThatThrownBy(() -> t.training("y", new float[9], 9, 1))
          .hasMessage("y: expected 10 rows like the other training tables, got 9");
    }
  }

  @Test
  void anEpochsMinibatchesCoverEveryRowAndTheLastIsFilledFromTheStart() {
    int[] order = {7, 3, 9, 0, 5, 1, 8, 2, 6, 4};
    assertThat(TrainingLoop.minibatch(order, 0, 4)).containsExactly(7, 3, 9, 0);
    assertThat(TrainingLoop.minibatch(order, 4, 4)).containsExactly(5, 1, 8, 2);
    assertThat(TrainingLoop.minibatch(order, 8, 4)).containsExactly(6, 4, 7, 3);
    assertThat(TrainingLoop.minibatch(order, 5, 5)).containsExactly(1, 8, 2, 6, 4);
  }
}
