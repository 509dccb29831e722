package org.jsbi.inference.npe;

import org.jsbi.inference.store.PosteriorStore;
import org.jsbi.api.posterior.TrainedPosterior;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsbi.api.Batch;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;

/** Run in a child JVM by {@link PosteriorStoreTest}: loads a posterior and writes samples as text. */
public final class SampleInAnotherProcess {
  private SampleInAnotherProcess() {}

  public static void main(String[] args) throws Exception {
    try (Registry registry = Plugins.load(); org.jsbi.api.posterior.TrainedPosterior p = PosteriorStore.load(Path.of(args[0]), registry)) {
      double[] xo = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
      Batch s = p.sample(200, xo, Long.parseLong(args[1])).samples();
      Files.writeString(Path.of(args[3]), Arrays.stream(s.data()).mapToObj(Double::toString)
          .collect(Collectors.joining("\n")));
    }
  }
}
