package org.jsbi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jsbi.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jsbi new-plugin}: writes a standalone Maven project for a simulator plugin, ready to build. */
@Command(name = "new-plugin", mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
    footer = {"  jsbi new-plugin growth && cd growth && mvn -q package && jsbi models --plugins target"},
    description = "Write a new simulator plugin project: a pom whose parent is jsbi's, one model (an ODE solved "
        + "and observed with noise, to replace with yours), its plugin class and service file, and a test that runs "
        + "jsbi's simulator checks. 'mvn package' in it gives a jar that --plugins loads; needs jsbi installed in "
        + "the local Maven repository ('mvn install' in jsbi's checkout).")
final class NewPluginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The model's id, e.g. growth or lotka-volterra.")
  String id;

  @Option(names = "--package", paramLabel = "NAME", description = "Java package (default org.example.ID).")
  String packageName;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to write the project (default ./ID); must "
      + "not exist or be empty.")
  Path output;

  @Override
  public Integer call() throws IOException {
    try {
      Model.validId(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ID: " + e.getMessage());
    }
    String pkg = packageName != null ? packageName : PluginProject.defaultPackage(id);
    if (!pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("--package: expected a Java package name in lower case such as "
          + "org.example.growth, got '" + pkg + "'");
    }
    Path dir = output != null ? output : Path.of(id);
    try (OutputDirectory claimed = OutputDirectory.claim("--output", dir, false, false)) {
      Map<String, String> files = new PluginProject(id, pkg, version()).files();
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote the plugin project " + dir + " (" + files.size() + " files) for model '" + id + "'; next:");
      out.println("  cd " + dir + " && mvn -q package && jsbi models --plugins target");
    }
    return 0;
  }

  /** This jsbi's version, which the project's pom names; from version.properties, which the build fills in. */
  static String version() throws IOException {
    try (InputStream in = NewPluginCommand.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "");
      if (v.isEmpty() || v.startsWith("$")) {
        throw new IllegalStateException("this jsbi build does not know its version (version.properties was not "
            + "filled in); build jsbi with Maven");
      }
      return v;
    }
  }
}
