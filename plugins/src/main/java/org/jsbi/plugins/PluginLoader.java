package org.jsbi.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import com.google.inject.util.Types;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins and builds the {@link Registry}: plugins on the class path (by {@link ServiceLoader}), plugins in
 * directories of jars (each jar in its own class loader), and plugin instances given directly.
 */
public final class PluginLoader {
  private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());
  static final String SERVICE_FILE = "META-INF/services/" + SbiPlugin.class.getName();

  private final List<Path> directories = new ArrayList<>();
  private final List<Path> jars = new ArrayList<>();
  private final List<SbiPlugin> explicit = new ArrayList<>();
  private boolean classPath = true;
  private ClassLoader parent = PluginLoader.class.getClassLoader();

  /** Also loads every jar in {@code directory}; a directory already named (by any path to it) is loaded once. */
  public PluginLoader directory(Path directory) {
    Path key = realPath(Objects.requireNonNull(directory, "directory"));
    if (directories.stream().noneMatch(d -> realPath(d).equals(key))) {
      directories.add(directory);
    }
    return this;
  }

  /**
   * Also loads this one plugin jar, in a class loader of its own; a jar that a named directory holds too (by any
   * path to it) is loaded once.
   */
  public PluginLoader jar(Path jar) {
    jars.add(Objects.requireNonNull(jar, "jar"));
    return this;
  }

  /** {@code dirs} with each directory once, by its real path, in their first order. */
  public static List<Path> distinct(List<Path> dirs) {
    List<Path> out = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path dir : dirs) {
      if (seen.add(realPath(dir))) {
        out.add(dir);
      }
    }
    return out;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  public PluginLoader directories(List<Path> dirs) {
    dirs.forEach(this::directory);
    return this;
  }

  /** Also registers this plugin instance. */
  public PluginLoader plugin(SbiPlugin plugin) {
    explicit.add(Objects.requireNonNull(plugin, "plugin"));
    return this;
  }

  /** Whether to discover plugins on the class path (default true). */
  public PluginLoader classPath(boolean enabled) {
    this.classPath = enabled;
    return this;
  }

  /**
   * The class loader that class-path discovery searches and that plugin jars delegate to (default: jsbi's own). A
   * Spark executor passes its task class loader, which holds the jars the driver shipped.
   */
  public PluginLoader classLoader(ClassLoader loader) {
    this.parent = Objects.requireNonNull(loader, "loader");
    return this;
  }

  /** Loads every plugin and builds the registry; errors name the plugin or jar and the fix. */
  public Registry load() {
    List<SbiPlugin> plugins = new ArrayList<>(explicit);
    List<URLClassLoader> loaders = new ArrayList<>();
    try {
      if (classPath) {
        plugins.addAll(discover(ServiceLoader.load(SbiPlugin.class, parent), null, "the class path"));
      }
      List<Path> all = new ArrayList<>();
      for (Path dir : directories) {
        all.addAll(jarsIn(dir));
      }
      all.addAll(jars);
      java.util.Set<Path> seen = new java.util.HashSet<>();
      for (Path jar : all) {
        if (seen.add(realPath(jar))) {
          URLClassLoader loader = classLoaderFor(jar);
          loaders.add(loader);
          List<SbiPlugin> found = discover(ServiceLoader.load(SbiPlugin.class, loader), loader, "jar " + jar);
          if (found.isEmpty()) {
            throw new PluginException("plugin jar " + jar + " contains no plugin; list your SbiPlugin subclass in "
                + SERVICE_FILE + " inside the jar");
          }
          found.forEach(p -> p.setOrigin(p.getClass().getName() + " (" + jar + ")"));
          plugins.addAll(found);
        }
      }
      Injector injector = injector(plugins);
      return new Registry(provision(injector, SbiPlugin.MODEL), provision(injector, SbiPlugin.ESTIMATOR),
          provision(injector, SbiPlugin.METHOD), provision(injector, SbiPlugin.EMBEDDING), loaders);
    } catch (RuntimeException e) {
      loaders.forEach(PluginLoader::closeQuietly);
      throw e;
    }
  }

  private static List<SbiPlugin> discover(ServiceLoader<SbiPlugin> services, ClassLoader only, String where) {
    List<SbiPlugin> out = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<SbiPlugin> provider : (Iterable<ServiceLoader.Provider<SbiPlugin>>)
          services.stream()::iterator) {
        if (only != null && provider.type().getClassLoader() != only) {
          continue; // found through the parent: it belongs to the class path, not to this jar
        }
        SbiPlugin plugin = provider.get();
        LOG.log(System.Logger.Level.DEBUG, "found plugin {0} in {1}", plugin.getClass().getName(), where);
        out.add(plugin);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new PluginException("plugin in " + where + " failed to load: " + rootMessage(e)
          + "; check its " + SERVICE_FILE + " and that it was built against this jsbi version", e);
    }
    return out;
  }

  /**
   * The plugin jars in {@code dir}, sorted by name: what {@link #directory} loads, and what a cluster executor must
   * be sent. A missing, unreadable or jar-less directory is an error that names it.
   */
  public static List<Path> jarsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new PluginException("plugin directory '" + dir + "' does not exist or is not a directory; "
          + "pass an existing directory of plugin jars");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
      if (jars.isEmpty()) {
        throw new PluginException("plugin directory '" + dir + "' contains no .jar files; put plugin jars there "
            + "or drop the option");
      }
      return jars;
    } catch (IOException e) {
      throw new PluginException("plugin directory '" + dir + "' cannot be read: " + e.getMessage(), e);
    }
  }

  private URLClassLoader classLoaderFor(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICE_FILE) == null) {
        throw new PluginException("plugin jar " + jar + " contains no plugin; list your SbiPlugin subclass in "
            + SERVICE_FILE + " inside the jar");
      }
    } catch (IOException e) {
      throw new PluginException("plugin jar " + jar + " is not a readable jar (" + e.getMessage()
          + "); rebuild it or remove it from the plugin directory", e);
    }
    try {
      URL url = jar.toUri().toURL();
      return new URLClassLoader("jsbi-plugin:" + jar.getFileName(), new URL[] {url}, parent);
    } catch (MalformedURLException e) {
      throw new PluginException("plugin jar " + jar + " has an unusable path: " + e.getMessage(), e);
    }
  }

  private static Injector injector(List<SbiPlugin> plugins) {
    List<Element> elements = new ArrayList<>(Elements.getElements(new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), SbiPlugin.MODEL);
        Multibinder.newSetBinder(binder(), SbiPlugin.ESTIMATOR);
        Multibinder.newSetBinder(binder(), SbiPlugin.METHOD);
        Multibinder.newSetBinder(binder(), SbiPlugin.EMBEDDING);
      }
    }));
    for (SbiPlugin plugin : plugins) {
      List<Element> own = Elements.getElements(Stage.PRODUCTION, plugin);
      for (Element e : own) {
        if (e instanceof Message m) {
          Throwable cause = m.getCause();
          String why = cause instanceof PluginException ? cause.getMessage()
              : "plugin " + plugin.origin() + " failed to configure: "
                  + (cause != null ? rootMessage(cause) : m.getMessage());
          throw new PluginException(why, cause);
        }
      }
      elements.addAll(own);
    }
    return Guice.createInjector(Stage.PRODUCTION, Elements.getModule(elements));
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<Registration<T>> provision(Injector injector, TypeLiteral<Registration<T>> type) {
    try {
      Key<?> key = Key.get(Types.setOf(type.getType()));
      return (Set<Registration<T>>) injector.getInstance(key);
    } catch (ProvisionException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof PluginException pe) {
          throw new PluginException(pe.getMessage(), pe);
        }
      }
      throw new PluginException("a plugin failed to register: " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException ignored) {
      // the original failure is the one to report
    }
  }
}
