package org.jsbi.inference.density;

import java.util.ArrayList;
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
 * The epochs of one training run: {@code first}'s steps until patience first runs out, then {@code finish}'s (the
 * same phase for an untruncated density) if the leak is at least its threshold, with the best weights restored and
 * the best validation loss forgotten at the switch, since the two validation losses differ; below the threshold,
 * {@code first}'s steps go on. Saves its whole state to the listener's checkpoints when they say so, and continues
 * from the last one bit-for-bit.
 */
final class TrainingLoop {
  /**
   * What each step feeds: minibatch indices, a noise seed when the loss is stochastic, and a seed for the
   * truncation's draws (with the generator it comes from) when the density is truncated; the others are null.
   */
  record Feeds(Placeholder<TInt32> indices, Placeholder<TInt64> seed, Placeholder<TInt64> supportSeed,
      RandomGenerator supportRng) {}

  /** A training loss, its validation loss, and the optimizer step that lowers it. */
  record Phase(Operand<TFloat32> loss, Operand<TFloat32> valLoss, Op step) {}

  /**
   * The phase that may follow the first, with q's mass outside the box on the validation rows ({@code leak}, null
   * for an untruncated density) from which on it does.
   */
  record Finish(Phase phase, Operand<TFloat32> leak, double minLeak) {}

  /** The graph's ops that the loop runs besides the phases': save and restore the best weights, drop the rate. */
  record GraphOps(Op[] snapshot, Op drop, GraphVariables variables) {}

  private final Session session;
  private final Feeds feeds;
  private final Phase first;
  private final Finish finish;
  private final GraphOps ops;
  private final int nTrain;
  private final int batchSize;
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
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch;

  TrainingLoop(Session session, Feeds feeds, Phase first, Finish finish, GraphOps ops, int nTrain, int batchSize,
      TrainingConfig config, RandomGenerator rng, TrainingListener listener) {
    this.session = session;
    this.feeds = feeds;
    this.first = first;
    this.finish = finish;
    this.ops = ops;
    this.nTrain = nTrain;
    this.batchSize = batchSize;
    this.config = config;
    this.rng = rng;
    this.listener = listener;
    this.phase = first;
    this.last = finish.phase();
    this.dropsLeft = config.learningRateDrops();
  }

  /** Trains to the end, from run {@code run}'s checkpoint if the listener's checkpoints hold one. */
  TrainingHistory run(String run) {
    TrainingCheckpoints checkpoints = listener.checkpoints();
    int from = checkpoints.resume(run).map(this::restore).orElse(0);
    double offset = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).elapsedSeconds();
    long start = System.nanoTime();
    long saved = start;
    for (int epoch = from + 1; epoch <= config.maxEpochs(); epoch++) {
      int[] order = Training.permutation(nTrain, rng);
      double sum = 0;
      int steps = 0;
      for (int at = 0; at < nTrain; at += batchSize, steps++) {
        try (TInt32 t = TInt32.vectorOf(DensityTrainer.minibatch(order, at, batchSize));
            TInt64 noiseSeed = TInt64.vectorOf(seeds(feeds.seed() == null ? null : rng));
            TInt64 supportSeed = TInt64.vectorOf(seeds(feeds.supportRng()));
            Result r = feed(Sessions.runner(session), t, noiseSeed, supportSeed).addTarget(phase.step())
                .fetch(phase.loss()).run()) {
          sum += ((TFloat32) r.get(0)).getFloat();
        }
      }
      double val = scalar(phase.valLoss());
      if (val < best) {
        best = val;
        bestEpoch = epoch;
        run(ops.snapshot()[0]);
      }
      EpochStats stats = new EpochStats(epoch, sum / steps, val, offset + (System.nanoTime() - start) / 1e9);
      epochs.add(stats);
      listener.epochEnded(stats);
      if (!Double.isFinite(sum) || patienceRanOut(epoch)) {
        break;
      }
      if (checkpoints.due((System.nanoTime() - saved) / 1e9)) {
        checkpoints.save(checkpoint(run, epoch));
        saved = System.nanoTime();
      }
    }
    if (bestEpoch == 0) {
      throw new IllegalStateException("training diverged: the validation loss was never finite; lower the "
          + "learning rate or check the simulations for extreme values");
    }
    run(ops.snapshot()[1]);
    return new TrainingHistory(epochs, bestEpoch, leak, finishFrom);
  }

  /**
   * At the end of {@code epoch}: when patience has run out, either training ends (true) or it goes back to the best
   * weights, drops the rate if drops are left, and switches to the finish if q leaks enough.
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
    if (dropsLeft > 0) {
      dropsLeft--;
      run(ops.drop());
    }
    if (phase != last) {
      leak = scalar(finish.leak());
      if (leak >= finish.minLeak()) {
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
    progress.put("state", new double[] {phase == finish.phase() ? 1 : 0, last == first ? 1 : 0, leak, finishFrom,
        dropsLeft, patienceFrom, best, bestEpoch});
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
      throw new IllegalArgumentException("checkpoint: expected the state of a density estimator's training at epoch "
          + c.epoch() + ", got progress " + c.progress().keySet());
    }
    ops.variables().write(session, c.tensors());
    phase = s[0] == 1 ? finish.phase() : first;
    last = s[1] == 1 ? first : finish.phase();
    leak = s[2];
    finishFrom = (int) s[3];
    dropsLeft = (int) s[4];
    patienceFrom = (int) s[5];
    best = s[6];
    bestEpoch = (int) s[7];
    for (int i = 0; i < e.length; i++) {
      EpochStats stats = new EpochStats((int) e[i], c.progress().get("training_loss")[i],
          c.progress().get("validation_loss")[i], c.progress().get("elapsed_seconds")[i]);
      epochs.add(stats);
      listener.epochEnded(stats);
    }
    for (int epoch = 1; epoch <= c.epoch(); epoch++) {
      Training.permutation(nTrain, rng);
      for (int at = 0; at < nTrain; at += batchSize) {
        seeds(feeds.seed() == null ? null : rng);
        seeds(feeds.supportRng());
      }
    }
    return c.epoch();
  }

  private Session.Runner feed(Session.Runner runner, TInt32 indices, TInt64 seed, TInt64 supportSeed) {
    runner.feed(feeds.indices(), indices);
    if (feeds.supportSeed() != null) {
      runner.feed(feeds.supportSeed(), supportSeed);
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
