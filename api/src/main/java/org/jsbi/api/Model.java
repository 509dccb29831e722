package org.jsbi.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A simulation model: a prior over θ, a simulator from θ to x, the names of both, and a description. A model
 * may also carry an exact reference posterior sampler.
 */
public final class Model {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String id;
  private final String description;
  private final Prior prior;
  private final Simulator simulator;
  private final List<String> parameterNames;
  private final List<String> dataNames;
  private final List<String> channelNames;
  private final DataShape dataShape;
  private final ReferencePosterior referencePosterior;

  private Model(Builder b) {
    this.id = validId(b.id);
    this.prior = require(b.prior, "prior", b.id);
    this.simulator = require(b.simulator, "simulator", b.id);
    if (prior.dim() != simulator.parameterDim()) {
      throw new IllegalArgumentException(
          "model '" + id + "': prior dimension " + prior.dim() + " does not match the simulator's parameter "
              + "dimension " + simulator.parameterDim() + "; make them agree");
    }
    this.parameterNames = names(b.parameterNames, "theta", prior.dim(), "parameterNames");
    this.dataShape = b.dataShape != null ? b.dataShape : simulator.dataShape();
    if (dataShape.columns() != simulator.dataDim()) {
      throw new IllegalArgumentException("model '" + id + "': data shape " + dataShape.describe() + " takes "
          + dataShape.columns() + " values, but the simulator returns " + simulator.dataDim() + "; make them agree");
    }
    // A shaped model names its channels; its data names are the flat row's columns, e.g. prey[t=3].
    this.channelNames = names(b.dataNames, "x", dataShape.channels(), "dataNames");
    this.dataNames = dataShape.columnNames(channelNames);
    this.description = b.description == null ? "" : b.description;
    this.referencePosterior = b.referencePosterior;
  }

  /** Starts a model with the given kebab-case id, for example {@code two-moons}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Checks that an id is kebab-case (lower-case letters and digits, words joined by single hyphens). */
  public static String validId(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id: expected kebab-case such as 'two-moons' (lower-case letters, digits, single hyphens), got '"
              + id + "'");
    }
    return id;
  }

  private static <T> T require(T value, String what, String id) {
    if (value == null) {
      throw new IllegalArgumentException("model '" + id + "': expected a " + what + ", got none; call ." + what
          + "(...) when defining it");
    }
    return value;
  }

  private List<String> names(List<String> given, String stem, int dim, String argument) {
    if (given == null) {
      List<String> generated = new ArrayList<>();
      for (int i = 1; i <= dim; i++) {
        generated.add(stem + "_" + i);
      }
      return List.copyOf(generated);
    }
    if (given.size() != dim) {
      throw new IllegalArgumentException("model '" + id + "': " + argument + ": expected " + dim
          + " names, got " + given.size() + " " + given);
    }
    if (given.stream().distinct().count() != given.size()) {
      throw new IllegalArgumentException("model '" + id + "': " + argument + ": expected distinct names, got "
          + given);
    }
    return List.copyOf(given);
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public Prior prior() {
    return prior;
  }

  public Simulator simulator() {
    return simulator;
  }

  public int parameterDim() {
    return prior.dim();
  }

  public int dataDim() {
    return simulator.dataDim();
  }

  public List<String> parameterNames() {
    return parameterNames;
  }

  public List<String> dataNames() {
    return dataNames;
  }

  /** The names of the data's channels: the data names given; for a vector, {@link #dataNames()}. */
  public List<String> channelNames() {
    return channelNames;
  }

  /**
   * The model whose simulator makes data sets like {@code observed} ({@link Simulator#like}): itself, unless its
   * simulator chooses part of x, as a set model chooses its number of trials. Predictive checks simulate from it.
   */
  public Model forObservation(double[] observed) {
    Simulator like = simulator.like(observed);
    if (like == simulator) {
      return this;
    }
    Builder b = builder(id).description(description).prior(prior).simulator(like).data(dataShape)
        .parameterNames(parameterNames.toArray(String[]::new)).dataNames(channelNames.toArray(String[]::new));
    if (referencePosterior != null) {
      b.referencePosterior(referencePosterior);
    }
    return b.build();
  }

  /** How the data are shaped (a vector unless the model says otherwise) and laid out in a flat row. */
  public DataShape dataShape() {
    return dataShape;
  }

  public Optional<ReferencePosterior> referencePosterior() {
    return Optional.ofNullable(referencePosterior);
  }

  @Override
  public String toString() {
    return "Model[" + id + ", θ∈R^" + parameterDim() + ", x∈R^" + dataDim() + "]";
  }

  /** Builds a {@link Model}; {@code prior} and {@code simulator} are required. */
  public static final class Builder {
    private final String id;
    private String description;
    private Prior prior;
    private Simulator simulator;
    private List<String> parameterNames;
    private List<String> dataNames;
    private DataShape dataShape;
    private ReferencePosterior referencePosterior;

    private Builder(String id) {
      this.id = validId(id);
    }

    public String id() {
      return id;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    public Builder prior(Prior prior) {
      this.prior = Objects.requireNonNull(prior, "prior");
      return this;
    }

    public Builder simulator(Simulator simulator) {
      this.simulator = Objects.requireNonNull(simulator, "simulator");
      return this;
    }

    public Builder parameterNames(String... names) {
      this.parameterNames = List.of(names);
      return this;
    }

    public Builder dataNames(String... names) {
      this.dataNames = List.of(names);
      return this;
    }

    /**
     * The data's shape, when x is more than a vector: a sequence, a set of trials or an image. The data names then
     * name its channels.
     */
    public Builder data(DataShape shape) {
      this.dataShape = Objects.requireNonNull(shape, "shape");
      return this;
    }

    public Builder referencePosterior(ReferencePosterior referencePosterior) {
      this.referencePosterior = Objects.requireNonNull(referencePosterior, "referencePosterior");
      return this;
    }

    public Model build() {
      return new Model(this);
    }
  }
}
