package io.heavyingest.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which product package uses which, read from the sources: imports (single, static and on-demand) and fully
 * qualified names in the code. Finds the cycles with Tarjan's strongly connected components.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private final String root;
    private final Pattern reference;
    private final Map<String, Set<String>> edges = new TreeMap<>();

    PackageGraph(String root) {
        this.root = root;
        this.reference = Pattern.compile("\\b(" + Pattern.quote(root) + "(?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z*]\\w*)");
    }

    /** Reads every {@code .java} file below {@code sourceRoot}. */
    static PackageGraph of(String root, Path sourceRoot) {
        PackageGraph graph = new PackageGraph(root);
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                graph.addSource(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Adds the uses of one source file. */
    void addSource(String source) {
        Matcher p = PACKAGE.matcher(source);
        if (!p.find()) {
            return;
        }
        String from = p.group(1);
        Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Matcher m = reference.matcher(code);
        while (m.find()) {
            String target = m.group(1);
            if (!target.equals(from) && !target.equals(root)) {
                to.add(target);
                edges.computeIfAbsent(target, k -> new TreeSet<>());
            }
        }
    }

    /** Adds one use, for tests of the graph itself. */
    void addEdge(String from, String to) {
        edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        edges.computeIfAbsent(to, k -> new TreeSet<>());
    }

    Set<String> packages() {
        return edges.keySet();
    }

    Set<String> uses(String pkg) {
        return edges.getOrDefault(pkg, Set.of());
    }

    /** Every group of packages that reach one another (a cycle), each sorted; empty when the graph is acyclic. */
    List<List<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                strongConnect(v, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                               Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : uses(v)) {
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }
}
