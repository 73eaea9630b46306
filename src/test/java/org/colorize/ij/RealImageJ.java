package org.colorize.ij;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An unmodified ImageJ 1 (ij.jar of the packaged install tree) running a macro under Xvfb. */
final class RealImageJ {
    /** What a run printed, and whether it finished in time. */
    record Run(boolean finished, String output) {
    }

    private RealImageJ() {
    }

    static Path installTree() {
        return Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
    }

    static Run runMacro(Path macro, Path log) throws IOException, InterruptedException {
        Path tree = installTree();
        Process p = new ProcessBuilder(List.of("xvfb-run", "-a", "java", "-jar", tree.resolve("ij.jar").toString(),
                "-ijpath", tree.toString(), "-batch", macro.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        String output = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        return new Run(finished, output);
    }
}
