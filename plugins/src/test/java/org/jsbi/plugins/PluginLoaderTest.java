package org.jsbi.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsbi.api.Model;
import org.jsbi.api.Priors;
import org.jsbi.api.simulation.SimulationOptions;
import org.jsbi.api.simulation.SimulationRunner;
import org.jsbi.api.simulation.SimulationSet;
import org.jsbi.plugins.testing.PluginJars;
import org.jsbi.plugins.testing.IdentitySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
  @TempDir Path dir;


  static final class First extends SbiPlugin {
    @Override
    protected void configure() {
      model("shared-id").prior(Priors.boxUniform(1, 0, 1)).simulator(new IdentitySimulator());
      model("only-first").prior(Priors.boxUniform(1, 0, 1)).simulator(new IdentitySimulator()).description("first");
    }
  }

  static final class Second extends SbiPlugin {
    @Override
    protected void configure() {
      model("shared-id").prior(Priors.boxUniform(1, 0, 1)).simulator(new IdentitySimulator());
    }
  }

  static final class BadId extends SbiPlugin {
    @Override
    protected void configure() {
      model("Two_Moons").prior(Priors.boxUniform(1, 0, 1)).simulator(new IdentitySimulator());
    }
  }

  static final class MissingPrior extends SbiPlugin {
    @Override
    protected void configure() {
      model("no-prior").simulator(new IdentitySimulator());
    }
  }

  static final class WrongDimensions extends SbiPlugin {
    @Override
    protected void configure() {
      model("wrong-dims").prior(Priors.boxUniform(3, 0, 1)).simulator(new IdentitySimulator());
    }
  }

  static final class Estimators extends SbiPlugin {
    @Override
    protected void configure() {
      estimator("fake-flow").factory(new org.jsbi.api.estimator.EstimatorFactory() {
        @Override
        public org.jsbi.api.estimator.ConditionalDensityEstimator train(org.jsbi.api.Batch input,
            org.jsbi.api.Batch condition, org.jsbi.api.estimator.TrainingConfig config,
            org.jsbi.api.estimator.TrainingListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public org.jsbi.api.estimator.ConditionalDensityEstimator restore(
            org.jsbi.api.estimator.EstimatorState state) {
          throw new UnsupportedOperationException();
        }

        @Override
        public String description() {
          return "fake";
        }
      });
    }
  }

  static final class EstimatorWithoutFactory extends SbiPlugin {
    @Override
    protected void configure() {
      estimator("no-factory");
    }
  }

  private static Registry only(SbiPlugin... plugins) {
    PluginLoader loader = new PluginLoader().classPath(false);
    for (SbiPlugin p : plugins) {
      loader.plugin(p);
    }
    return loader.load();
  }

  @Test
  void registersModelsFromAPluginByIdInSortedOrder() {
    Registry registry = only(new First());
    assertThat(registry.models()).extracting(Model::id).containsExactly("only-first", "shared-id");
    assertThat(registry.model("only-first").description()).isEqualTo("first");
    assertThat(registry.pluginOf("only-first")).isEqualTo(First.class.getName());
  }

  @Test
  void duplicateIdNamesBothPlugins() {
    assertThatThrownBy(() -> only(new First(), new Second()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'shared-id'")
        .hasMessageContaining(First.class.getName())
        .hasMessageContaining(Second.class.getName());
  }

  @Test
  void nonKebabCaseIdIsRejectedNamingThePlugin() {
    assertThatThrownBy(() -> only(new BadId()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(BadId.class.getName())
        .hasMessageContaining("kebab-case")
        .hasMessageContaining("'Two_Moons'");
  }

  @Test
  void incompleteModelIsRejectedNamingPluginAndFix() {
    assertThatThrownBy(() -> only(new MissingPrior()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(MissingPrior.class.getName())
        .hasMessageContaining("'no-prior'")
        .hasMessageContaining(".prior(");
  }

  @Test
  void priorAndSimulatorDimensionsMustAgree() {
    assertThatThrownBy(() -> only(new WrongDimensions()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("prior dimension 3")
        .hasMessageContaining("parameter dimension 1");
  }

  @Test
  void estimatorsAreRegisteredByIdAndUnknownOnesListTheKnown() {
    Registry registry = only(new Estimators());
    assertThat(registry.estimatorIds()).containsExactly("fake-flow");
    assertThat(registry.estimator("fake-flow").description()).isEqualTo("fake");
    assertThatThrownBy(() -> registry.estimator("nsf"))
        .hasMessageContaining("unknown estimator 'nsf'; known estimators: fake-flow");
    assertThatThrownBy(() -> only(new Estimators(), new Estimators()))
        .isInstanceOf(PluginException.class).hasMessageContaining("estimator id 'fake-flow'");
    assertThatThrownBy(() -> only(new EstimatorWithoutFactory()))
        .isInstanceOf(PluginException.class).hasMessageContaining("'no-factory'").hasMessageContaining(".factory(");
  }

  @Test
  void unknownModelListsTheKnownIds() {
    Registry registry = only(new First());
    assertThatThrownBy(() -> registry.model("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown model 'nope'")
        .hasMessageContaining("only-first, shared-id");
  }

  @Test
  void pluginJarCompiledByTheTestIsDiscoveredAndSimulated() throws IOException {
    PluginJars.decayPlugin(dir, "acme-decay.jar");
    try (Registry registry = new PluginLoader().classPath(false).directory(dir).load()) {
      Model model = registry.model("acme-decay");
      assertThat(registry.pluginOf("acme-decay")).contains(PluginJars.DECAY_PLUGIN).contains("acme-decay.jar");
      assertThat(model.getClass().getClassLoader()).isSameAs(Model.class.getClassLoader());
      assertThat(model.simulator().getClass().getClassLoader().getName()).isEqualTo("jsbi-plugin:acme-decay.jar");
      SimulationSet set = new SimulationRunner(SimulationOptions.defaults()).run(model, 500, 3);
      assertThat(set.size()).isEqualTo(500);
      assertThat(set.dataNames()).containsExactly("y_0", "y_1", "y_2", "y_3", "y_4");
      // y_0 = exp(0) + noise, so its mean is 1.
      assertThat(java.util.Arrays.stream(set.x().column(0)).average().orElseThrow()).isBetween(0.99, 1.01);
    }
  }

  @Test
  void classPathPluginsAreNotRegisteredTwiceWhenAJarDirectoryIsAdded() throws IOException {
    PluginJars.decayPlugin(dir, "acme-decay.jar");
    try (Registry registry = new PluginLoader().directory(dir).plugin(new First()).load()) {
      assertThat(registry.models()).extracting(Model::id)
          .containsExactly("acme-decay", "acme-flaky", "only-first", "shared-id");
    }
  }

  @Test
  void sameJarTwiceIsADuplicateNamingBothJars() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    PluginJars.decayPlugin(a, "one.jar");
    PluginJars.decayPlugin(b, "two.jar");
    assertThatThrownBy(() -> new PluginLoader().classPath(false).directories(List.of(a, b)).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("one.jar")
        .hasMessageContaining("two.jar");
  }

  @Test
  void malformedJarIsAnErrorNamingTheJar() throws IOException {
    Path jar = PluginJars.malformed(dir, "broken.jar");
    assertThatThrownBy(() -> new PluginLoader().classPath(false).directory(dir).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(jar.toString())
        .hasMessageContaining("not a readable jar");
  }

  @Test
  void jarWithoutServiceEntryIsAnError() {
    PluginJars.build(dir, "no-service.jar", "external-plugin/", PluginJars.DECAY_SOURCES, null);
    assertThatThrownBy(() -> new PluginLoader().classPath(false).directory(dir).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("no-service.jar")
        .hasMessageContaining("META-INF/services/org.jsbi.plugins.SbiPlugin");
  }

  @Test
  void serviceEntryNamingAMissingClassIsAnErrorNamingJarAndCause() {
    PluginJars.build(dir, "typo.jar", "external-plugin/", PluginJars.DECAY_SOURCES, "org.acme.decay.DecayPlugn");
    assertThatThrownBy(() -> new PluginLoader().classPath(false).directory(dir).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("typo.jar")
        .hasMessageContaining("org.acme.decay.DecayPlugn");
  }

  @Test
  void missingOrEmptyDirectoryIsAnError() throws IOException {
    assertThatThrownBy(() -> new PluginLoader().directory(dir.resolve("absent")).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("does not exist");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> new PluginLoader().directory(empty).load())
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("contains no .jar files");
  }

  @Test
  void environmentVariableSplitsLikeAClassPath() {
    String value = "/a" + java.io.File.pathSeparator + "/b" + java.io.File.pathSeparator;
    assertThat(Plugins.directoriesFrom(value)).containsExactly(Path.of("/a"), Path.of("/b"));
    assertThat(Plugins.directoriesFrom(null)).isEmpty();
    assertThat(Plugins.directoriesFrom("  ")).isEmpty();
  }
}
