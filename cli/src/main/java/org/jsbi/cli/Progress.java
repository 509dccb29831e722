package org.jsbi.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, or nothing when progress is not shown (--quiet, or not a terminal). */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
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

  /** {@code posterior} reporting its sampling progress to this bar, when it samples by MCMC. */
  org.jsbi.inference.TrainedPosterior track(org.jsbi.inference.TrainedPosterior posterior) {
    return posterior instanceof org.jsbi.inference.nle.NlePosterior nle ? nle.withProgress(this::stepTo) : posterior;
  }

  /** Advances a training bar by one epoch and shows the validation loss. */
  void epoch(org.jsbi.api.estimator.EpochStats e) {
    if (bar != null) {
      bar.stepTo(e.epoch());
      bar.setExtraMessage(String.format(java.util.Locale.ROOT, " val loss %.4f", e.validationLoss()));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
