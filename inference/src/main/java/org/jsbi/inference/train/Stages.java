package org.jsbi.inference.train;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The stages of an {@link Objective}: {@code first} trains until patience first runs out; then, if {@code finish} is
 * given and {@code gate} (a scalar measured on the best weights so far) is at least {@code threshold}, {@code finish}
 * takes over, with the best validation loss forgotten, since the two validation losses differ. Below the threshold,
 * {@code first} goes on as if there were no finish.
 */
public record Stages(Stage first, Stage finish, Operand<TFloat32> gate, double threshold) {
  public Stages {
    Objects.requireNonNull(first, "first");
    if (finish != null && gate == null) {
      throw new IllegalArgumentException("gate: expected the measure that decides whether the finish runs, got none");
    }
  }

  /** A single stage. */
  public static Stages of(Stage only) {
    return new Stages(only, null, null, 0);
  }
}
