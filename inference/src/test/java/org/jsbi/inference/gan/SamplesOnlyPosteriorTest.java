package org.jsbi.inference.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.estimator.TrainingConfig;
import org.jsbi.api.posterior.NormalizedDensity;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.posterior.TrainedPosterior;
import org.jsbi.api.simulation.Simulations;
import org.jsbi.inference.Capabilities;
import org.jsbi.inference.checks.Calibration;
import org.jsbi.inference.checks.CalibrationResult;
import org.jsbi.inference.npe.Npe;
import org.jsbi.inference.npe.NpePosterior;
import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NPE posterior on a generator without a density is {@link SamplesOnly}: it samples, saves and loads, refuses
 * logProb and MAP in one line, and its calibration check skips HPD coverage with the reason while SBC and TARP run.
 */
class SamplesOnlyPosteriorTest {
  @Test
  void samplesButRefusesWhatNeedsADensity(@TempDir Path dir) throws Exception {
    try (Registry registry = Plugins.load()) {
      Model model = registry.model("two-moons"); // a registered model, so that loading can look it up
      try (NpePosterior posterior = new Npe(model, registry.estimator("gatsbi"))
          .train(Simulations.run(model, 1000, 1), TrainingConfig.defaults(2).withMaxEpochs(20))) {
        double[] xo = {-0.6396706, 0.16234657};
        assertThat(posterior.as(SamplesOnly.class)).isPresent();
        assertThat(posterior.as(NormalizedDensity.class)).isEmpty();
        assertThat(Capabilities.of(posterior)).contains("no log-density (samples only)");
        assertThat(posterior.sample(500, xo, 3).samples().rows()).isEqualTo(500);
        String why = "posterior: gatsbi draws samples only and has no log-density, so this posterior has neither "
            + "logProb nor a MAP; train with maf, nsf or coupling for them";
        assertThatThrownBy(() -> posterior.logProb(Batch.of(new double[] {0, 0}), xo))
            .isInstanceOf(UnsupportedOperationException.class).hasMessage(why);
        assertThatThrownBy(() -> posterior.map(xo, 1)).isInstanceOf(UnsupportedOperationException.class)
            .hasMessage(why);

        CalibrationResult r = Calibration.run(posterior, model, 20, 50, 5);
        assertThat(r.hasHpd()).isFalse();
        assertThat(r.testCount()).isEqualTo(3); // SBC for each of 2 parameters, and TARP
        assertThat(r.minPValue()).isBetween(0.0, 1.0);
        assertThat(r.toJson(posterior.parameterNames()).path("hpdCoverage").path("skipped").asText())
            .isEqualTo(CalibrationResult.HPD_SKIPPED);

        Path saved = dir.resolve("gatsbi");
        PosteriorStore.save(posterior, saved);
        try (TrainedPosterior loaded = PosteriorStore.load(saved, registry)) {
          assertThat(loaded.as(SamplesOnly.class)).isPresent();
          assertThat(loaded.sample(200, xo, 4).samples()).isEqualTo(posterior.sample(200, xo, 4).samples());
        }
      }
    }
  }
}
