package org.jsbi.inference.train;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One stage of an {@link Objective}: the updates each minibatch makes (one Adam step per update, all on the same
 * minibatch), and the validation loss that early stopping watches (null when the trainer stops on the training
 * loss). The loss reported per epoch is the first update's.
 */
public record Stage(List<Update> updates, Operand<TFloat32> validationLoss) {
  /**
   * A scalar loss and the variables its Adam step moves: null for all of the trainer's variables, a subset for one
   * player of an adversarial pair.
   */
  public record Update(Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
    public Update {
      Objects.requireNonNull(loss, "loss");
      variables = variables == null ? null : List.copyOf(variables);
    }
  }

  public Stage {
    updates = List.copyOf(updates);
    if (updates.isEmpty()) {
      throw new IllegalArgumentException("updates: expected at least one, got none");
    }
  }

  /** A stage that lowers {@code loss} over all the trainer's variables. */
  public static Stage of(Operand<TFloat32> loss, Operand<TFloat32> validationLoss) {
    return new Stage(List.of(new Update(loss, null)), validationLoss);
  }

  /** The loss reported per epoch: the first update's. */
  public Operand<TFloat32> loss() {
    return updates.get(0).loss();
  }
}
