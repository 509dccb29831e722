package org.jsbi.inference.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.api.toolkit.Trials;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The set transformer on gaussian-trials: its features ignore the trials' order and the padding; it saves exactly. */
class SetAttentionTest {
  @TempDir Path dir;

  @Test
  void invariantToOrderAndPaddingAndSavedExactly() throws Exception {
    Registry registry = Plugins.load();
    Model model = registry.model("gaussian-trials");
    var factory = registry.estimator("maf").withEmbedding(registry.embedding("set-attention"), 6,
        model.dataShape());
    try (NpePosterior posterior = new Npe(model, factory).train(Simulations.run(model, 400, 1),
        TrainingConfig.defaults(2).withMaxEpochs(3))) {
      RandomGenerator rng = new RandomStreams(3).single(RandomStreams.Purpose.SIMULATOR);
      double[][] trials = new double[9][];
      for (int k = 0; k < trials.length; k++) {
        trials[k] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
      }
      double[] row = Trials.row(model.dataShape(), trials);
      double[][] reversed = new double[9][];
      for (int k = 0; k < 9; k++) {
        reversed[k] = trials[8 - k];
      }
      double[] other = Trials.row(model.dataShape(), reversed);
      double[] padded = row.clone();
      for (int j = 1 + 9 * 2; j < padded.length; j++) {
        padded[j] = 50 * rng.nextGaussian();
      }
      Batch e = posterior.as(DataFeatures.class).orElseThrow().features(Batch.of(row, other, padded));
      assertThat(e.cols()).isEqualTo(6);
      for (int j = 0; j < e.cols(); j++) {
        assertThat(e.get(1, j)).as("feature %d, trials reversed", j).isCloseTo(e.get(0, j),
            org.assertj.core.data.Offset.offset(1e-6));
        assertThat(e.get(2, j)).as("feature %d, padding changed", j).isCloseTo(e.get(0, j),
            org.assertj.core.data.Offset.offset(1e-6));
      }
      Path saved = dir.resolve("posterior");
      PosteriorStore.save(posterior, saved);
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(loaded.sample(100, row, 3).samples()).isEqualTo(posterior.sample(100, row, 3).samples());
      }
    }
  }
}
