package org.jsbi.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a new, standalone simulator plugin project: a Maven pom whose parent is jsbi's (pinning every
 * version), one model (logistic growth, solved with {@link org.jsbi.api.toolkit.Ode}, observed with log-normal noise
 * from {@link org.jsbi.api.toolkit.Noise}), its plugin class and service file, a test that runs the simulator test
 * kit, and a README with the commands from build to posterior.
 */
final class PluginProject {
  private final String id;
  private final String packageName;
  private final String className;
  private final String jsbiVersion;

  PluginProject(String id, String packageName, String jsbiVersion) {
    this.id = id;
    this.packageName = packageName;
    this.className = className(id);
    this.jsbiVersion = jsbiVersion;
  }

  /** "lotka-volterra" → "LotkaVolterra". */
  static String className(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = out.toString();
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "Model" + name : name;
  }

  /** "lotka-volterra" → "org.example.lotkavolterra". */
  static String defaultPackage(String id) {
    String p = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return "org.example." + (p.isEmpty() || Character.isDigit(p.charAt(0)) ? "model" + p : p);
  }

  /** Path (relative to the project) → content. */
  Map<String, String> files() {
    String src = packageName.replace('.', '/');
    Map<String, String> f = new LinkedHashMap<>();
    f.put("pom.xml", pom());
    f.put("src/main/java/" + src + "/" + className + "Simulator.java", simulator());
    f.put("src/main/java/" + src + "/" + className + "Plugin.java", plugin());
    f.put("src/main/resources/META-INF/services/org.jsbi.plugins.SbiPlugin", packageName + "." + className
        + "Plugin\n");
    f.put("src/test/java/" + src + "/" + className + "SimulatorTest.java", test());
    f.put("README.md", readme());
    f.put(".gitignore", "target/\n");
    return f;
  }

  private String pom() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <!-- jsbi's parent pins the versions of jsbi, its libraries, JUnit, AssertJ and the Maven plugins. -->
          <parent>
            <groupId>org.jsbi</groupId>
            <artifactId>jsbi-parent</artifactId>
            <version>%1$s</version>
            <relativePath/>
          </parent>
          <groupId>%2$s</groupId>
          <artifactId>%3$s</artifactId>
          <version>0.1.0</version>
          <description>The '%3$s' simulator as a jsbi plugin: 'jsbi --plugins target ...' loads it.</description>

          <dependencies>
            <!-- jsbi supplies both when it loads the plugin, so the jar holds only this project's classes. -->
            <dependency>
              <groupId>org.jsbi</groupId>
              <artifactId>jsbi-api</artifactId>
              <version>%1$s</version>
              <scope>provided</scope>
            </dependency>
            <dependency>
              <groupId>org.jsbi</groupId>
              <artifactId>jsbi-plugins</artifactId>
              <version>%1$s</version>
              <scope>provided</scope>
            </dependency>
          </dependencies>
        </project>
        """.formatted(jsbiVersion, packageName, id);
  }

  private String simulator() {
    return """
        package %1$s;

        import java.util.random.RandomGenerator;
        import org.jsbi.api.Simulator;
        import org.jsbi.api.toolkit.Noise;
        import org.jsbi.api.toolkit.Ode;

        /**
         * Logistic growth y' = r·y·(1 − y/K) from y(0) = 1, observed on days 1 to 10 with 10%% log-normal noise.
         * θ = (r, K): the growth rate per day and the capacity. Replace it with your own model: draw every random
         * number from {@code rng}, and keep no mutable fields (the runner calls it from several threads).
         */
        public final class %2$sSimulator implements Simulator {
          static final double[] DAYS = Ode.times(1, 1, 10);

          @Override
          public int parameterDim() {
            return 2;
          }

          @Override
          public int dataDim() {
            return DAYS.length;
          }

          @Override
          public double[] simulate(double[] theta, RandomGenerator rng) {
            double r = theta[0];
            double k = theta[1];
            // a failed solve throws Ode.Failure, which jsbi records as an invalid simulation with its reason
            double[][] y = Ode.solve((t, s, ds) -> ds[0] = r * s[0] * (1 - s[0] / k), 0, new double[] {1}, DAYS,
                Ode.Tolerances.defaults());
            double[] x = new double[DAYS.length];
            for (int i = 0; i < x.length; i++) {
              x[i] = Noise.logNormal(rng, Math.log(y[i][0]), 0.1);
            }
            return x;
          }
        }
        """.formatted(packageName, className);
  }

  private String plugin() {
    StringBuilder days = new StringBuilder();
    for (int d = 1; d <= 10; d++) {
      days.append(d == 1 ? "" : ", ").append("\"day_").append(d).append('"');
    }
    return """
        package %1$s;

        import org.jsbi.api.Priors;
        import org.jsbi.plugins.SbiPlugin;

        /** Registers the '%3$s' model. Listed in META-INF/services/org.jsbi.plugins.SbiPlugin. */
        public final class %2$sPlugin extends SbiPlugin {
          @Override
          protected void configure() {
            model("%3$s")
                .description("logistic growth observed on days 1 to 10 with log-normal noise")
                .prior(Priors.boxUniform(new double[] {0.2, 20}, new double[] {1.5, 200})) // r per day, K
                .simulator(new %2$sSimulator())
                .parameterNames("r", "K")
                .dataNames(%4$s);
          }
        }
        """.formatted(packageName, className, id, days);
  }

  private String test() {
    return """
        package %1$s;

        import org.jsbi.api.Model;
        import org.jsbi.api.toolkit.SimulatorChecks;
        import org.jsbi.plugins.PluginLoader;
        import org.jsbi.plugins.Registry;
        import org.junit.jupiter.api.Test;

        class %2$sSimulatorTest {
          @Test
          void simulatorIsSound() throws Exception {
            try (Registry plugins = new PluginLoader().classPath(false).plugin(new %2$sPlugin()).load()) {
              Model model = plugins.model("%3$s");
              // names and dimensions, the prior's draws, hidden randomness, invalid simulations, and speed
              SimulatorChecks.of(model).maxInvalidShare(0).maxSecondsPerSimulation(0.01).check();
            }
          }
        }
        """.formatted(packageName, className, id);
  }

  private String readme() {
    return """
        # %1$s: a jsbi simulator plugin

        Build and test it (the test runs jsbi's simulator checks), then infer with jsbi:

        ```
        mvn -q package
        jsbi models --plugins target
        jsbi simulate --plugins target --model %1$s --num-simulations 10 --output sims.csv
        jsbi train --plugins target --model %1$s --num-simulations 10000 --output posterior/
        jsbi sample --plugins target --posterior posterior/ --observation observation.csv --num-samples 1000 \\
            --output samples.csv
        ```

        `observation.csv` holds one row with a header of the data names (`day_1,...,day_10`). See jsbi's
        docs/plugins.md for the toolkit (noise models, ODE solving) and the checks.
        """.formatted(id);
  }
}
