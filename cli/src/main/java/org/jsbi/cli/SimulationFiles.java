package org.jsbi.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsbi.api.Batch;
import org.jsbi.api.Model;
import org.jsbi.api.simulation.InvalidPolicy;
import org.jsbi.api.simulation.InvalidSimulation;
import org.jsbi.api.simulation.SimulationSet;

/** Reads a simulation CSV written by {@code jsbi simulate} back into a simulation set for a model. */
final class SimulationFiles {
  private SimulationFiles() {}

  static SimulationSet read(Path file, Model model) throws IOException {
    if (java.nio.file.Files.isDirectory(file)) {
      // a campaign directory from 'jsbi simulate --store'
      return org.jsbi.api.simulation.SimulationStore.open(file, model)
          .assemble(org.jsbi.api.simulation.InvalidPolicy.EXCLUDE);
    }
    CsvTable table = CsvTable.read("--simulations", file);
    int pd = model.parameterDim();
    int dd = model.dataDim();
    if (table.header().size() != pd + dd) {
      throw new IllegalArgumentException("--simulations: " + file + " has " + table.header().size() + " columns, "
          + "expected " + (pd + dd) + " (" + pd + " parameters and " + dd + " data values of model '" + model.id()
          + "')");
    }
    Batch rows = table.rows();
    List<Integer> valid = new ArrayList<>();
    List<InvalidSimulation> invalid = new ArrayList<>();
    for (int i = 0; i < rows.rows(); i++) {
      double[] r = rows.row(i);
      boolean finite = java.util.Arrays.stream(r).allMatch(Double::isFinite);
      if (finite) {
        valid.add(i);
      } else {
        invalid.add(new InvalidSimulation(i, java.util.Arrays.copyOf(r, pd), "non-finite value in " + file));
      }
    }
    int[] idx = valid.stream().mapToInt(Integer::intValue).toArray();
    Batch theta = Batch.zeros(idx.length, pd);
    Batch x = Batch.zeros(idx.length, dd);
    for (int k = 0; k < idx.length; k++) {
      double[] r = rows.row(idx[k]);
      theta.setRow(k, java.util.Arrays.copyOfRange(r, 0, pd));
      x.setRow(k, java.util.Arrays.copyOfRange(r, pd, pd + dd));
    }
    return new SimulationSet(0, rows.rows(), model.parameterNames(), model.dataNames(), theta, x, idx, invalid,
        InvalidPolicy.EXCLUDE);
  }
}
