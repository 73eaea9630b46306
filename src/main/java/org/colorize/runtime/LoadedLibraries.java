package org.colorize.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeSet;

/** The shared libraries mapped into this process, from /proc/self/maps (empty where there is none). */
public final class LoadedLibraries {
    private LoadedLibraries() {
    }

    /** Absolute paths of the mapped files whose name contains {@code ".so"}, sorted, once each. */
    public static List<String> all() {
        TreeSet<String> libs = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.indexOf(".so", slash) > 0) libs.add(line.substring(slash).replace(" (deleted)", ""));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(libs);
    }

    /** The mapped libraries whose file name starts with one of {@code prefixes}. */
    public static List<String> named(String... prefixes) {
        return all().stream().filter(p -> {
            String name = p.substring(p.lastIndexOf('/') + 1);
            for (String prefix : prefixes) if (name.startsWith(prefix)) return true;
            return false;
        }).toList();
    }
}
