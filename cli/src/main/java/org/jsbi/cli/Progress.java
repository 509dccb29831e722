package org.jsbi.cli;

import org.jsbi.api.posterior.TrainedPosterior;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, or nothing when progress is not shown (--quiet, or not a terminal). */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  /** For a training bar: the config's patience and learning-rate drops, and the early-stopping state seen. */
  private org.jsbi.api.estimator.TrainingConfig training;
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private int sinceBest;
  private int dropsUsed;
  private long done;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * A training bar that shows progress toward early stopping: its end is the epoch at which training stops if the
   * validation loss does not improve again (patience left, plus a full patience per learning-rate drop left, capped
   * by the maximum number of epochs), so it moves back when the loss improves and ends at 100%.
   */
  static Progress training(String task, org.jsbi.api.estimator.TrainingConfig config, boolean show) {
    Progress p = start(task, Math.min(config.maxEpochs(), (long) config.patience() * (1 + config.learningRateDrops())),
        show);
    p.training = config;
    return p;
  }

  static Progress start(String task, long total, boolean show) {
    if (!show) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .build());
  }

  void stepTo(long done, long total) {
    if (bar != null) {
      if (bar.getMax() != total) {
        bar.maxHint(total);
      }
      bar.stepTo(done);
    }
  }

  /** {@code posterior} reporting its sampling progress to this bar: MCMC's sweeps, or NPE's draws. */
  org.jsbi.api.posterior.TrainedPosterior track(org.jsbi.api.posterior.TrainedPosterior posterior) {
    return posterior.as(org.jsbi.inference.ProgressReporting.class)
        .<org.jsbi.api.posterior.TrainedPosterior>map(m -> m.withProgress(this::stepTo)).orElse(posterior);
  }

  /** Advances a training bar by one epoch and shows the validation loss and the early-stopping state. */
  void epoch(org.jsbi.api.estimator.EpochStats e) {
    done = e.epoch();
    if (training == null) {
      if (bar != null) {
        bar.stepTo(e.epoch());
      }
      return;
    }
    if (e.validationLoss() < best) {
      best = e.validationLoss();
      bestEpoch = e.epoch();
      sinceBest = 0;
    } else if (++sinceBest >= training.patience() && dropsUsed < training.learningRateDrops()) {
      dropsUsed++;
      sinceBest = 0;
    }
    if (bar != null) {
      long end = e.epoch() + (training.patience() - sinceBest)
          + (long) training.patience() * (training.learningRateDrops() - dropsUsed);
      bar.maxHint(Math.min(training.maxEpochs(), end));
      bar.stepTo(e.epoch());
      bar.setExtraMessage(String.format(java.util.Locale.ROOT, " val loss %.4f, best at epoch %d, %d/%d epochs "
          + "without improvement", e.validationLoss(), bestEpoch, sinceBest, training.patience()));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      if (training != null && done > 0) {
        // training has ended, by early stopping or at the maximum: the bar ends full
        bar.maxHint(done);
        bar.stepTo(done);
      }
      bar.close();
    }
  }
}
