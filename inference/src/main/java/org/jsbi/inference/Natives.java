package org.jsbi.inference;

/**
 * TensorFlow's native library, which every estimator needs and which takes about half a second to load. A command
 * that will train or evaluate an estimator can start loading it while it does other work (parse, load plugins,
 * read files): the first estimator then finds it loaded, or waits for the load already under way.
 */
public final class Natives {
  private Natives() {}

  /** Starts loading TensorFlow's natives on a daemon thread, and returns at once. */
  public static void loadInBackground() {
    Thread t = new Thread(() -> {
      try {
        org.tensorflow.TensorFlow.version();
      } catch (Throwable e) {
        // The estimator that needs the library loads it again and reports the failure where it can be acted on.
      }
    }, "jsbi-tensorflow-load");
    t.setDaemon(true);
    t.start();
  }
}
