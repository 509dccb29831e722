package org.jsbi.plugins.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jsbi.api.Simulator;
import org.jsbi.plugins.SbiPlugin;

/**
 * Builds plugin jars inside tests: compiles Java sources kept as test resources against the jsbi api and
 * plugins jars, and packages them with a {@code META-INF/services} entry, as a user's build would.
 */
public final class PluginJars {
  /** The sample plugin's sources, under {@code external-plugin/} in the test resources. */
  public static final List<String> DECAY_SOURCES = List.of(
      "org/acme/decay/DecayPlugin.java", "org/acme/decay/DecaySimulator.java", "org/acme/decay/FlakySimulator.java");
  public static final String DECAY_PLUGIN = "org.acme.decay.DecayPlugin";

  private PluginJars() {}

  /** Compiles the sample decay plugin into {@code dir/jarName}. */
  public static Path decayPlugin(Path dir, String jarName) {
    return build(dir, jarName, "external-plugin/", DECAY_SOURCES, DECAY_PLUGIN);
  }

  /**
   * Compiles {@code sources} (resource paths below {@code root}) and packages them as {@code dir/jarName}, with
   * {@code serviceEntry} (may be null for none) as the plugin service entry.
   */
  public static Path build(Path dir, String jarName, String root, List<String> sources, String serviceEntry) {
    try {
      Path src = Files.createTempDirectory("plugin-src");
      Path classes = Files.createTempDirectory("plugin-classes");
      List<String> files = new ArrayList<>();
      for (String s : sources) {
        Path target = src.resolve(s);
        Files.createDirectories(target.getParent());
        try (InputStream in = PluginJars.class.getClassLoader().getResourceAsStream(root + s)) {
          if (in == null) {
            throw new IllegalStateException("test resource " + root + s + " not found");
          }
          Files.copy(in, target);
        }
        files.add(target.toString());
      }
      compile(files, classes);
      Path jar = dir.resolve(jarName);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        addTree(out, classes);
        if (serviceEntry != null) {
          out.putNextEntry(new JarEntry("META-INF/services/" + SbiPlugin.class.getName()));
          out.write((serviceEntry + "\n").getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds every file under {@code root} to {@code out}, named by its path below {@code root}, in sorted order. */
  public static void addTree(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
  }

  /** Writes bytes that are not a jar, as a broken download would leave. */
  public static Path malformed(Path dir, String jarName) throws IOException {
    Path jar = dir.resolve(jarName);
    try (OutputStream out = Files.newOutputStream(jar)) {
      out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static void compile(List<String> files, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = Stream.of(SbiPlugin.class, Simulator.class, com.google.inject.AbstractModule.class,
            org.apache.commons.math3.distribution.RealDistribution.class)
        .map(PluginJars::location)
        .distinct()
        .collect(Collectors.joining(java.io.File.pathSeparator));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath,
        "--release", "17", "-nowarn"));
    args.addAll(files);
    StringWriter log = new StringWriter();
    int code = javac.run(null, null, new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) {
        log.write(new String(b, off, len, StandardCharsets.UTF_8));
      }
    }, args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException("compiling the test plugin failed:\n" + log);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
