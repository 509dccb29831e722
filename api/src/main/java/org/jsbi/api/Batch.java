package org.jsbi.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of doubles: one row per sample, one column per dimension. The backing array is
 * shared, not copied, so that large simulation sets move between stages without copies.
 */
public final class Batch {
  private final int rows;
  private final int cols;
  private final double[] data;

  private Batch(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** Wraps {@code data} (not copied) as a {@code rows × cols} batch. */
  public static Batch wrap(int rows, int cols, double[] data) {
    Objects.requireNonNull(data, "data");
    if (rows < 0) {
      throw new IllegalArgumentException("rows: expected a non-negative count, got " + rows);
    }
    Arguments.positive("cols", cols);
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "data: expected length rows*cols = " + ((long) rows * cols) + ", got " + data.length);
    }
    return new Batch(rows, cols, data);
  }

  /** A zero-filled {@code rows × cols} batch. */
  public static Batch zeros(int rows, int cols) {
    return wrap(rows, cols, new double[Math.multiplyExact(rows, cols)]);
  }

  /** Copies a rectangular array of rows into a batch. */
  public static Batch of(double[]... rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows: expected at least one row, got 0");
    }
    int cols = rows[0].length;
    double[] data = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      Arguments.length("rows[" + i + "]", rows[i], cols);
      System.arraycopy(rows[i], 0, data, i * cols, cols);
    }
    return wrap(rows.length, cols, data);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing row-major array (shared, not a copy). */
  public double[] data() {
    return data;
  }

  public double get(int row, int col) {
    return data[index(row, col)];
  }

  public void set(int row, int col, double value) {
    data[index(row, col)] = value;
  }

  /** A copy of one row. */
  public double[] row(int row) {
    checkRow(row);
    return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
  }

  /** Copies {@code values} into one row. */
  public void setRow(int row, double[] values) {
    checkRow(row);
    Arguments.length("values", values, cols);
    System.arraycopy(values, 0, data, row * cols, cols);
  }

  /** A copy of one column. */
  public double[] column(int col) {
    if (col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException("col: expected 0.." + (cols - 1) + ", got " + col);
    }
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = data[i * cols + col];
    }
    return out;
  }

  /** A new batch holding the given rows, in the given order. */
  public Batch selectRows(int[] rowIndices) {
    double[] out = new double[rowIndices.length * cols];
    for (int k = 0; k < rowIndices.length; k++) {
      checkRow(rowIndices[k]);
      System.arraycopy(data, rowIndices[k] * cols, out, k * cols, cols);
    }
    return new Batch(rowIndices.length, cols, out);
  }

  /** A deep copy. */
  public Batch copy() {
    return new Batch(rows, cols, data.clone());
  }

  private int index(int row, int col) {
    checkRow(row);
    if (col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException("col: expected 0.." + (cols - 1) + ", got " + col);
    }
    return row * cols + col;
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row: expected 0.." + (rows - 1) + ", got " + row);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Batch b && b.rows == rows && b.cols == cols && Arrays.equals(b.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Batch[" + rows + "x" + cols + "]";
  }
}
