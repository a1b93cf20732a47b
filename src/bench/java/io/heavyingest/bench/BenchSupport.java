package io.heavyingest.bench;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** What several benchmarks need: generated files kept between runs, and the class path for child JVMs. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** The generated file for {@code spec} in {@code workDir}, written first when it is not there yet. */
    static Path generated(Path workDir, GeneratorSpec spec, PrintStream out) throws IOException {
        Path file = workDir.resolve("pnl_" + spec.days() + "x" + spec.strategies() + "_seed" + spec.seed()
                + (spec.cadenceDays() == 1 ? "_daily" : "") + ".csv");
        if (!Files.exists(file)) {
            out.printf("generating %s ...%n", file);
            PnlFileGenerator.write(spec, file);
        }
        return file;
    }

    /** The class path this process runs with: the class loaders' URLs (exec:java), else java.class.path. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = BenchSupport.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }
}
