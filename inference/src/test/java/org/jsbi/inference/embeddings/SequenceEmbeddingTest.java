package org.jsbi.inference.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsbi.api.Batch;
import org.jsbi.api.DataShape;
import org.jsbi.api.Model;
import org.jsbi.api.RandomStreams;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.DataFeatures;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.inference.tf.Parameters;
import org.jsbi.inference.tf.Sessions;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The sequence and image embeddings: cnn1d does not see the future; every one saves and loads exactly (the set
 * embeddings' tests are DeepSetTest and SetAttentionTest).
 */
class SequenceEmbeddingTest {
  @TempDir Path dir;

  /** Changing step 12 of a 20-step series leaves the convolution's features at steps 0 to 11 exactly as they were. */
  @Test
  void theCausalConvolutionDoesNotSeeTheFuture() {
    DataShape shape = DataShape.sequence(20, 2);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Parameters p = new Parameters(tf, new RandomStreams(1).single(RandomStreams.Purpose.ESTIMATOR), null);
      CausalConvEmbedding cnn = new CausalConvEmbedding(p, shape, 8, 3);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 40)));
      Operand<TFloat32> steps = cnn.steps(tf, x);
      Operand<TFloat32> out = cnn.apply(tf, x);
      float[] rows = new float[80];
      java.util.Random r = new java.util.Random(2);
      for (int i = 0; i < 40; i++) {
        rows[i] = (float) r.nextGaussian();
        rows[40 + i] = rows[i];
      }
      rows[40 + 2 * 12] += 1.5f; // row 2: channel 1 of step 12 changed
      try (Session s = Sessions.open(g)) {
        s.initialize();
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(2, 40), DataBuffers.of(rows, true, false));
            Result res = Sessions.runner(s).feed(x, in).fetch(steps).fetch(out).run()) {
          TFloat32 h = (TFloat32) res.get(0);
          for (int t = 0; t < 12; t++) {
            for (int f = 0; f < 8; f++) {
              assertThat(h.getFloat(1, t, f)).as("step %d, feature %d", t, f).isEqualTo(h.getFloat(0, t, f));
            }
          }
          double changed = 0;
          for (int f = 0; f < 8; f++) {
            changed += Math.abs(h.getFloat(1, 12, f) - h.getFloat(0, 12, f));
          }
          assertThat(changed).as("step 12 sees its own change").isGreaterThan(0);
          assertThat(((TFloat32) res.get(1)).shape().asArray()).containsExactly(2, 3);
        }
      }
    }
  }

  /** The cVAE takes an embedding through the same composition as the flows, and saves and loads it exactly. */
  @Test
  void theCvaeTakesAnEmbeddingToo() throws Exception {
    Registry registry = Plugins.load();
    Model model = registry.model("ornstein-uhlenbeck");
    var factory = registry.estimator("cvae").withEmbedding(registry.embedding("cnn1d"), 4, model.dataShape());
    assertThat(factory.description()).contains("with a cnn1d embedding network to 4 features");
    try (NpePosterior posterior = new Npe(model, factory).train(Simulations.run(model, 300, 1),
        TrainingConfig.defaults(2).withMaxEpochs(2))) {
      Path saved = dir.resolve("cvae");
      PosteriorStore.save(posterior, saved);
      double[] xo = Simulations.run(model, 1, 9).x().row(0);
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(loaded.sample(100, xo, 3).samples()).isEqualTo(posterior.sample(100, xo, 3).samples());
        assertThat(loaded.as(DataFeatures.class)).isPresent();
      }
    }
  }

  /** NPE on the blob image with cnn2d, saved and loaded: the same draws and features. */
  @Test
  void theImageEmbeddingSavesAndLoadsExactly() throws Exception {
    Registry registry = Plugins.load();
    Model model = registry.model("gaussian-blob");
    var factory = registry.estimator("maf").withEmbedding(registry.embedding("cnn2d"), 4, model.dataShape());
    try (NpePosterior posterior = new Npe(model, factory).train(Simulations.run(model, 300, 1),
        TrainingConfig.defaults(2).withMaxEpochs(2))) {
      Path saved = dir.resolve("cnn2d");
      PosteriorStore.save(posterior, saved);
      double[] xo = Simulations.run(model, 1, 9).x().row(0);
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(loaded.sample(100, xo, 3).samples()).isEqualTo(posterior.sample(100, xo, 3).samples());
        assertThat(loaded.as(DataFeatures.class).orElseThrow().features(Batch.of(xo)).cols()).isEqualTo(4);
      }
    }
  }

  /** NPE on the Ornstein–Uhlenbeck series with each sequence embedding, saved and loaded: the same draws. */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn1d", "gru"})
  void saveAndLoadRoundTripExactly(String kind) throws Exception {
    Registry registry = Plugins.load();
    Model model = registry.model("ornstein-uhlenbeck");
    EmbeddingSpec spec = kind.equals("mlp") ? EmbeddingSpec.mlp(4, 16)
        : new EmbeddingSpec(kind, 4, 16, model.dataShape());
    TrainingConfig config = TrainingConfig.defaults(2).withMaxEpochs(2);
    try (NpePosterior posterior = new Npe(model, new FlowFactory(FlowSpec.maf().withEmbedding(spec)))
        .train(Simulations.run(model, 300, 1), config)) {
      Path saved = dir.resolve(kind);
      PosteriorStore.save(posterior, saved);
      double[] xo = Simulations.run(model, 1, 9).x().row(0);
      try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
        assertThat(loaded.sample(100, xo, 3).samples()).isEqualTo(posterior.sample(100, xo, 3).samples());
        Batch features = posterior.as(DataFeatures.class).orElseThrow().features(Batch.of(xo));
        assertThat(loaded.as(DataFeatures.class).orElseThrow().features(Batch.of(xo))).isEqualTo(features);
        assertThat(features.cols()).isEqualTo(4);
      }
    }
  }
}
