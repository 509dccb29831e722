package org.jsbi.simulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsbi.api.Batch;

/** Reads the sbibm files copied into the test resources (see sbibm/README.txt there). */
final class SbibmFiles {
  private SbibmFiles() {}

  static Batch referenceSamples(String task, int observation) {
    return read("sbibm/" + task + "/num_observation_" + observation + "/reference_posterior_samples.csv", true);
  }

  static double[] observation(String task, int observation) {
    return read("sbibm/" + task + "/num_observation_" + observation + "/observation.csv", true).row(0);
  }

  static Batch read(String resource, boolean header) {
    try (InputStream in = SbibmFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (header) {
        reader.readLine();
      }
      double[][] rows = reader.lines().filter(l -> !l.isBlank())
          .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
          .toArray(double[][]::new);
      return Batch.of(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
