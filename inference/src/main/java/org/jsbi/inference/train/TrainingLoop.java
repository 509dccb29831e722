package org.jsbi.inference.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsbi.api.estimator.EpochStats;
import org.jsbi.api.estimator.TrainingCheckpoint;
import org.jsbi.api.estimator.TrainingCheckpoints;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.estimator.TrainingHistory;
import org.jsbi.api.estimator.TrainingListener;
import org.jsbi.inference.tf.GraphVariables;
import org.jsbi.inference.tf.Sessions;
import org.jsbi.inference.tf.Training;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The epochs of one training run: {@code first}'s steps until patience first runs out, then {@code last}'s (the
 * same phase when there is no finish) if the gate is at least its threshold, with the best weights restored and the
 * best validation loss forgotten at the switch, since the two validation losses differ; below the threshold,
 * {@code first}'s steps go on. Or, stopping on the training loss, one phase until it stops falling. Saves its whole
 * state to the listener's checkpoints when they say so, and continues from the last one bit-for-bit.
 */
final class TrainingLoop {
  /** What each step feeds: minibatch indices, and the seeds an objective asked for (null when it did not). */
  record Feeds(Placeholder<TInt32> indices, Placeholder<TInt64> seed, Placeholder<TInt64> streamSeed,
      RandomGenerator streamRng) {}

  /** A stage and the optimizer step that lowers its losses. */
  record Phase(Stage stage, Op step) {}

  /**
   * The graph's ops that the loop runs besides the phases': save and restore the best weights, drop the rate, and,
   * when the weights are averaged, {@link WeightAverage#ops()} (else null).
   */
  record GraphOps(Op[] snapshot, Op drop, GraphVariables variables, Op[] average) {}

  /** The epoch's shape and the stopping rule: {@code tolerance} is NaN for early stopping on validation. */
  record Schedule(int nTrain, int stepRows, boolean partial, double tolerance, Operand<TFloat32> gate,
      double threshold) {}

  private final Session session;
  private final Feeds feeds;
  private final Phase first;
  private final Phase finish;
  private final GraphOps ops;
  private final Schedule schedule;
  private final TrainingConfig config;
  private final RandomGenerator rng;
  private final TrainingListener listener;

  private Phase phase;
  private Phase last;
  private double leak = Double.NaN;
  private int finishFrom;
  private int dropsLeft;
  private int patienceFrom; // the epoch of the last drop: patience counts from it or from the best epoch
  private final List<EpochStats> epochs = new ArrayList<>();
  private final List<Integer> drops = new ArrayList<>();
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private int stale; // epochs without the training loss falling by the tolerance

  TrainingLoop(Session session, Feeds feeds, Phase first, Phase finish, GraphOps ops, Schedule schedule,
      TrainingConfig config, RandomGenerator rng, TrainingListener listener) {
    this.session = session;
    this.feeds = feeds;
    this.first = first;
    this.finish = finish;
    this.ops = ops;
    this.schedule = schedule;
    this.config = config;
    this.rng = rng;
    this.listener = listener;
    this.phase = first;
    this.last = finish;
    this.dropsLeft = config.learningRateDrops();
  }

  /** Trains to the end, from run {@code run}'s checkpoint if the listener's checkpoints hold one. */
  TrainingHistory run(String run) {
    TrainingCheckpoints checkpoints = listener.checkpoints();
    int from = checkpoints.resume(run).map(this::restore).orElse(0);
    double offset = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).elapsedSeconds();
    long start = System.nanoTime();
    long saved = start;
    boolean onTraining = !Double.isNaN(schedule.tolerance());
    boolean averaged = ops.average() != null && !onTraining;
    if (averaged && from == 0) {
      run(ops.average()[0]);
    }
    for (int epoch = from + 1; epoch <= config.maxEpochs(); epoch++) {
      int[] order = Training.permutation(schedule.nTrain(), rng);
      double sum = 0;
      int steps = 0;
      for (int at = 0; at < schedule.nTrain(); at += schedule.stepRows(), steps++) {
        int[] batch = batch(order, at);
        try (TInt32 t = TInt32.vectorOf(batch);
            TInt64 noiseSeed = TInt64.vectorOf(seeds(feeds.seed() == null ? null : rng));
            TInt64 streamSeed = TInt64.vectorOf(seeds(feeds.streamRng()));
            Result r = feed(Sessions.runner(session), t, noiseSeed, streamSeed).addTarget(phase.step())
                .fetch(phase.stage().loss()).run()) {
          float loss = ((TFloat32) r.get(0)).getFloat();
          sum += schedule.partial() ? loss * batch.length : loss;
        }
      }
      double trainingLoss = schedule.partial() ? sum / schedule.nTrain() : sum / steps;
      if (averaged) { // validate, and keep, the averaged weights
        run(ops.average()[1]);
        run(ops.average()[2]);
      }
      double val = onTraining ? Double.NaN : scalar(phase.stage().validationLoss());
      double watched = onTraining ? trainingLoss : val;
      if (onTraining) {
        stale = watched > best - schedule.tolerance() ? stale + 1 : 0;
      }
      if (watched < best) {
        best = watched;
        bestEpoch = epoch;
        if (!onTraining) {
          run(ops.snapshot()[0]);
        }
      }
      if (averaged) {
        run(ops.average()[3]);
      }
      EpochStats stats = new EpochStats(epoch, trainingLoss, val, offset + (System.nanoTime() - start) / 1e9);
      epochs.add(stats);
      listener.epochEnded(stats);
      if (!Double.isFinite(sum) || (onTraining ? stale >= config.patience() : patienceRanOut(epoch))) {
        break;
      }
      if (checkpoints.due((System.nanoTime() - saved) / 1e9)) {
        checkpoints.save(checkpoint(run, epoch));
        saved = System.nanoTime();
      }
    }
    if (bestEpoch == 0) {
      throw new IllegalStateException("training diverged: the " + (onTraining ? "training" : "validation")
          + " loss was never finite; lower the learning rate or check the simulations for extreme values");
    }
    if (!onTraining) {
      run(ops.snapshot()[1]);
    }
    return new TrainingHistory(epochs, bestEpoch, leak, finishFrom, drops);
  }

  /**
   * The minibatch of {@code order} from {@code at} on. When the rows run out, an epoch's last minibatch holds the
   * rows left over, or, with a declared size, is filled up from the start of the epoch's order.
   */
  private int[] batch(int[] order, int at) {
    if (schedule.partial()) {
      return Arrays.copyOfRange(order, at, Math.min(order.length, at + schedule.stepRows()));
    }
    return minibatch(order, at, schedule.stepRows());
  }

  /** The {@code size} rows of {@code order} from {@code from} on, filled up from its start when they run out. */
  static int[] minibatch(int[] order, int from, int size) {
    int[] batch = new int[size];
    for (int i = 0; i < size; i++) {
      batch[i] = order[(from + i) % order.length];
    }
    return batch;
  }

  /**
   * At the end of {@code epoch}: when patience has run out, either training ends (true) or it goes back to the best
   * weights, drops the rate if drops are left, and switches to the finish if the gate says so.
   */
  private boolean patienceRanOut(int epoch) {
    if (epoch - Math.max(bestEpoch, patienceFrom) < config.patience()) {
      return false;
    }
    if (dropsLeft == 0 && phase == last) {
      return true;
    }
    patienceFrom = epoch;
    run(ops.snapshot()[1]);
    if (ops.average() != null) {
      run(ops.average()[0]); // the average starts again from the best weights
    }
    if (dropsLeft > 0) {
      dropsLeft--;
      run(ops.drop());
      drops.add(epoch);
    }
    if (phase != last) {
      leak = scalar(schedule.gate());
      if (leak >= schedule.threshold()) {
        phase = last;
        best = Double.POSITIVE_INFINITY;
        finishFrom = epoch + 1;
      } else {
        last = first;
      }
    }
    return false;
  }

  /** Two seeds from {@code source}, or zeros (drawing nothing) when there is none. */
  private static long[] seeds(RandomGenerator source) {
    return source == null ? new long[2] : new long[] {source.nextLong(), source.nextLong()};
  }

  private TrainingCheckpoint checkpoint(String run, int epoch) {
    Map<String, double[]> progress = new LinkedHashMap<>();
    progress.put("state", new double[] {phase == finish ? 1 : 0, last == first ? 1 : 0, leak, finishFrom,
        dropsLeft, patienceFrom, best, bestEpoch});
    if (!Double.isNaN(schedule.tolerance())) {
      progress.put("stale", new double[] {stale});
    }
    progress.put("drops", drops.stream().mapToDouble(Integer::doubleValue).toArray());
    progress.put("epoch", epochs.stream().mapToDouble(EpochStats::epoch).toArray());
    progress.put("training_loss", epochs.stream().mapToDouble(EpochStats::trainingLoss).toArray());
    progress.put("validation_loss", epochs.stream().mapToDouble(EpochStats::validationLoss).toArray());
    progress.put("elapsed_seconds", epochs.stream().mapToDouble(EpochStats::elapsedSeconds).toArray());
    return new TrainingCheckpoint(run, epoch, progress, ops.variables().read(session));
  }

  /**
   * Puts the loop where {@code c} left it: its tensors into the graph, its numbers into the loop, its epochs replayed
   * to the listener, and the generators past the draws of the epochs it completed. Returns its epoch.
   */
  private int restore(TrainingCheckpoint c) {
    double[] s = c.progress().get("state");
    double[] e = c.progress().get("epoch");
    if (s == null || s.length != 8 || e == null || e.length != c.epoch()) {
      throw new IllegalArgumentException("checkpoint: expected the state of a training run at epoch "
          + c.epoch() + ", got progress " + c.progress().keySet());
    }
    ops.variables().write(session, c.tensors());
    phase = s[0] == 1 ? finish : first;
    last = s[1] == 1 ? first : finish;
    leak = s[2];
    finishFrom = (int) s[3];
    dropsLeft = (int) s[4];
    patienceFrom = (int) s[5];
    best = s[6];
    bestEpoch = (int) s[7];
    double[] dropsSaved = c.progress().get("drops");
    if (dropsSaved != null) {
      java.util.Arrays.stream(dropsSaved).forEach(d -> drops.add((int) d));
    }
    double[] staleSaved = c.progress().get("stale");
    stale = staleSaved == null ? 0 : (int) staleSaved[0];
    for (int i = 0; i < e.length; i++) {
      EpochStats stats = new EpochStats((int) e[i], c.progress().get("training_loss")[i],
          c.progress().get("validation_loss")[i], c.progress().get("elapsed_seconds")[i]);
      epochs.add(stats);
      listener.epochEnded(stats);
    }
    for (int epoch = 1; epoch <= c.epoch(); epoch++) {
      Training.permutation(schedule.nTrain(), rng);
      for (int at = 0; at < schedule.nTrain(); at += schedule.stepRows()) {
        seeds(feeds.seed() == null ? null : rng);
        seeds(feeds.streamRng());
      }
    }
    return c.epoch();
  }

  private Session.Runner feed(Session.Runner runner, TInt32 indices, TInt64 seed, TInt64 streamSeed) {
    runner.feed(feeds.indices(), indices);
    if (feeds.streamSeed() != null) {
      runner.feed(feeds.streamSeed(), streamSeed);
    }
    return feeds.seed() == null ? runner : runner.feed(feeds.seed(), seed);
  }

  private void run(Op target) {
    try (Result r = Sessions.runner(session).addTarget(target).run()) {
      // nothing to fetch
    }
  }

  private double scalar(Operand<TFloat32> op) {
    try (Result r = Sessions.runner(session).fetch(op).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }
}
