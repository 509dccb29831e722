package org.jsbi.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jsbi.api.Simulator;
import org.jsbi.plugins.SbiPlugin;
import org.jsbi.plugins.testing.PluginJars;

/**
 * A Maven local repository in which this build's jsbi parent pom, api and plugins artifacts are installed, so that
 * a project written by {@code jsbi new-plugin} builds against them under {@code mvn verify}, before (or without)
 * {@code mvn install}. Every other artifact is the build's own local repository, linked in (so nothing is
 * downloaded twice), and the user's {@code org/jsbi} there is neither read nor written.
 */
final class JsbiMavenRepository {
  private JsbiMavenRepository() {}

  /** Fills {@code dir} and returns it; pass it to Maven as {@code -Dmaven.repo.local}. */
  static Path create(Path dir) throws IOException {
    String configured = System.getProperty("jsbi.localRepository", "");
    Path shared = configured.isEmpty()
        ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(configured);
    linkAllBut(shared, dir, "org");
    linkAllBut(shared.resolve("org"), dir.resolve("org"), "jsbi");

    // surefire runs the tests in the module's directory: the project's root is its parent
    Path root = Path.of("").toAbsolutePath().getParent();
    String version = NewPluginCommand.version();
    install(dir, "jsbi-parent", version, root.resolve("pom.xml"), null);
    install(dir, "jsbi-api", version, root.resolve("api/pom.xml"), location(Simulator.class));
    install(dir, "jsbi-plugins", version, root.resolve("plugins/pom.xml"), location(SbiPlugin.class));
    return dir;
  }

  private static void linkAllBut(Path from, Path to, String except) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> children = Files.list(from)) {
      for (Path child : children.toList()) {
        if (!child.getFileName().toString().equals(except)) {
          Files.createSymbolicLink(to.resolve(child.getFileName().toString()), child.toAbsolutePath());
        }
      }
    }
  }

  /** Installs a pom and, unless {@code classes} is null, a jar: the built jar, or one made from a classes folder. */
  private static void install(Path repo, String artifact, String version, Path pom, Path classes)
      throws IOException {
    Path folder = Files.createDirectories(repo.resolve(Path.of("org", "jsbi", artifact, version)));
    String base = artifact + "-" + version;
    Files.copy(pom, folder.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (classes == null) {
      return;
    }
    Path jar = folder.resolve(base + ".jar");
    if (Files.isRegularFile(classes)) {
      Files.copy(classes, jar, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      PluginJars.addTree(out, classes);
    }
  }

  /** The jar or classes folder a class was loaded from. */
  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Maven command line that builds {@code goals} against {@code repo}, with the Maven that runs the tests. */
  static List<String> mvn(Path repo, String... goals) {
    String home = System.getProperty("maven.home");
    String mvn = home == null || home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    return Stream.concat(Stream.of(mvn, "-B", "-ntp", "-q", "-Dmaven.repo.local=" + repo), Stream.of(goals))
        .toList();
  }
}
