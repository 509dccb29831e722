package org.jsbi.inference;

import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.posterior.Focused;
import org.jsbi.api.posterior.NormalizedDensity;
import org.jsbi.api.posterior.SamplesOnly;
import org.jsbi.api.posterior.TrainedPosterior;

/** A posterior's capabilities in words, as {@code posterior.json} records them and {@code jsbi inspect} shows. */
public final class Capabilities {
  private Capabilities() {}

  /** One phrase per capability that {@code posterior} has, or lacks where the lack matters. */
  public static List<String> of(TrainedPosterior posterior) {
    List<String> out = new ArrayList<>();
    out.add(posterior.as(McmcSampled.class).isPresent() ? "sampled by MCMC" : "sampled directly");
    out.add(posterior.as(SamplesOnly.class).isPresent() ? "no log-density (samples only)"
        : posterior.as(NormalizedDensity.class).isPresent() ? "normalized log-density"
        : "unnormalized or estimated log-density");
    out.add(posterior.as(Focused.class).isPresent() ? "focused on one observation" : "amortized (any x)");
    posterior.as(LearnedLikelihood.class).ifPresent(l -> out.add("learned likelihood (a surrogate simulator)"));
    posterior.as(DataFeatures.class).ifPresent(f -> out.add("learned features of x"));
    return out;
  }
}
