package org.jsbi.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of jsbi-api or jsbi-inference depends, through any chain, on a package that depends on it: each new
 * method or estimator is a package of its own that the others do not reach into.
 */
class PackageCyclesTest {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.jsbi(?:\\.[a-z]\\w*)+)\\.[A-Z]\\w*");

  /** package → the jsbi packages its sources name, by import or fully qualified. */
  private static Map<String, Set<String>> graph(Path... roots) throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          Matcher pkg = PACKAGE.matcher(text);
          assertThat(pkg.find()).as(file.toString()).isTrue();
          Set<String> out = deps.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
          Matcher ref = REFERENCE.matcher(text);
          while (ref.find()) {
            if (!ref.group(1).equals(pkg.group(1))) {
              out.add(ref.group(1));
            }
          }
        }
      }
    }
    deps.values().forEach(s -> s.retainAll(deps.keySet()));
    return deps;
  }

  /** The cycles found by depth-first search, each as the chain of packages that closes it. */
  private static List<String> cycles(Map<String, Set<String>> deps) {
    List<String> found = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
    for (String start : deps.keySet()) {
      visit(start, deps, state, new ArrayList<>(), found);
    }
    return found;
  }

  private static void visit(String p, Map<String, Set<String>> deps, Map<String, Integer> state, List<String> path,
      List<String> found) {
    Integer s = state.get(p);
    if (s != null && s == 2) {
      return;
    }
    if (s != null) {
      found.add(String.join(" -> ", path.subList(path.indexOf(p), path.size())) + " -> " + p);
      return;
    }
    state.put(p, 1);
    path.add(p);
    for (String q : deps.getOrDefault(p, Set.of())) {
      visit(q, deps, state, path, found);
    }
    path.remove(path.size() - 1);
    state.put(p, 2);
  }

  @Test
  void theApiAndInferencePackagesFormNoCycle() throws IOException {
    Map<String, Set<String>> deps = graph(Path.of("src/main/java"), Path.of("../api/src/main/java"));
    assertThat(deps).containsKeys("org.jsbi.api", "org.jsbi.inference.npe", "org.jsbi.inference.store");
    assertThat(cycles(deps)).isEmpty();
    Set<String> seen = new HashSet<>(deps.keySet());
    assertThat(seen).hasSizeGreaterThan(12);
  }

  @Test
  void theSearchFindsACycle() {
    Map<String, Set<String>> deps = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
    assertThat(cycles(deps)).containsExactly("a -> b -> c -> a");
  }
}
