package org.jsbi.inference.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.jsbi.api.estimator.EstimatorFactory;
import org.junit.jupiter.api.Test;

class MafTest extends FlowContract {
  @Override
  protected EstimatorFactory factory() {
    return new FlowFactory(FlowSpec.maf());
  }

  @Test
  void everyTransformShufflesTheDimensionsTheSameWayEachTime() {
    for (int dim = 2; dim <= 10; dim++) {
      int[][] orders = MafGraph.orders(dim, 5);
      assertThat(MafGraph.orders(dim, 5)).as("dim %d, rebuilt", dim).isDeepEqualTo(orders);
      int[] identity = IntStream.range(0, dim).toArray();
      for (int[] order : orders) {
        assertThat(order).as("dim %d", dim).containsExactlyInAnyOrder(identity);
        assertThat(Arrays.equals(order, identity)).as("dim %d: %s is the identity", dim, Arrays.toString(order))
            .isFalse();
      }
    }
    assertThat(MafGraph.orders(2, 5)).isDeepEqualTo(new int[][] {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}});
    int[][] ten = MafGraph.orders(10, 5);
    assertThat(ten[0]).as("two transforms shuffle alike").isNotEqualTo(ten[1]);
  }
}
