package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  /** A one-line error names a shaped model's hundred columns by the first and last few and their count. */
  @Test
  void longListsOfColumnNamesAreShortened() {
    List<String> series = IntStream.rangeClosed(1, 100).mapToObj(t -> "x[t=" + t + "]").toList();
    assertThat(CsvTable.names(series, ",")).isEqualTo("x[t=1],x[t=2],x[t=3],x[t=4],…,x[t=99],x[t=100] (100 names)");
    assertThat(CsvTable.names(series.subList(0, 12), ",")).isEqualTo(String.join(",", series.subList(0, 12)));
  }
}
