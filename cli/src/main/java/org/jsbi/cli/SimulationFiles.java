package org.jsbi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.InvalidSimulation;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.api.simulation.SimulationStore;

/**
 * Reads simulations written by {@code jsbi simulate} (or by anyone else) back into a simulation set for a model.
 * Columns are matched by name. A row with a non-finite value, or whose θ lies outside the prior's support, is an
 * invalid simulation: counted, reported with its index and θ, and left out of training.
 */
final class SimulationFiles {
  private static final int LISTED = 5;

  private SimulationFiles() {}

  static SimulationSet read(Path file, Model model, CsvOptions csv) throws IOException {
    if (Files.isDirectory(file)) {
      // a campaign directory from 'jsbi simulate --store'
      try {
        return SimulationStore.open("--simulations", file, model).assemble(InvalidPolicy.EXCLUDE);
      } catch (SimulationStore.MissingChunkException e) {
        throw new IllegalStateException(e.what() + "; run 'jsbi simulate --store " + file + " --resume' with the "
            + "campaign's model and seed to simulate it again");
      }
    }
    CsvTable table = csv.read("--simulations", file);
    List<String> names = Stream.concat(model.parameterNames().stream(), model.dataNames().stream()).toList();
    Batch rows = table.columns(names, "the parameter names then the data names of model '" + model.id() + "'");
    int pd = model.parameterDim();
    int dd = model.dataDim();
    List<Integer> valid = new ArrayList<>();
    List<InvalidSimulation> invalid = new ArrayList<>();
    for (int i = 0; i < rows.rows(); i++) {
      double[] r = rows.row(i);
      double[] theta = Arrays.copyOf(r, pd);
      if (!Arrays.stream(r).allMatch(Double::isFinite)) {
        invalid.add(new InvalidSimulation(i, theta, "non-finite value"));
      } else if (!model.prior().inSupport(theta)) {
        invalid.add(new InvalidSimulation(i, theta, "θ outside the prior's support " + model.prior().describe()));
      } else {
        valid.add(i);
      }
    }
    int[] idx = valid.stream().mapToInt(Integer::intValue).toArray();
    Batch theta = Batch.zeros(idx.length, pd);
    Batch x = Batch.zeros(idx.length, dd);
    for (int k = 0; k < idx.length; k++) {
      double[] r = rows.row(idx[k]);
      theta.setRow(k, Arrays.copyOfRange(r, 0, pd));
      x.setRow(k, Arrays.copyOfRange(r, pd, pd + dd));
    }
    return new SimulationSet(0, rows.rows(), model.parameterNames(), model.dataNames(), theta, x, idx, invalid,
        InvalidPolicy.EXCLUDE);
  }

  /** One line per reason for the invalid simulations, with the first few indices (0-based rows) and θ. */
  static void reportInvalid(PrintWriter out, SimulationSet sims) {
    var byReason = sims.invalid().stream()
        .collect(Collectors.groupingBy(InvalidSimulation::reason, java.util.LinkedHashMap::new, Collectors.toList()));
    byReason.forEach((reason, list) -> {
      String listed = list.stream().limit(LISTED).map(s -> "#" + s.index() + " θ=" + Arrays.toString(s.theta()))
          .collect(Collectors.joining("; "));
      out.println("invalid: " + list.size() + " simulation" + (list.size() == 1 ? "" : "s") + " with " + reason
          + " (excluded): " + listed + (list.size() > LISTED ? "; and " + (list.size() - LISTED) + " more" : ""));
    });
  }
}
