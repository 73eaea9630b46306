package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.io.FileSaver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Colorize error stops the macro in a real ImageJ, so the saveAs after it never saves the gray
 * source under the result's name: with {@code -batch} and with ImageJ's window (under Xvfb).
 */
class MacroAbortIT {

    private static String macro(Path input, String colorizeOptions, Path after, Path saved) {
        return macro(input, "Colorize...", colorizeOptions, after, saved);
    }

    private static String macro(Path input, String command, String options, Path after, Path saved) {
        return String.join("\n",
                "open(\"" + input + "\");",
                "run(\"" + command + "\", \"" + options + "\");",
                "File.saveString(\"went on\", \"" + after + "\");",
                "print(\"went on after Colorize\");",
                "saveAs(\"PNG\", \"" + saved + "\");",
                "");
    }

    @Test
    void aBadModelOrValueStopsABatchMacro(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("scene.tif");
        new FileSaver(TestImages.gray8("scene", 64, 48)).saveAsTiff(input.toString());
        // Every Colorize command stops the macro the same way (ij.Failures): Colorize... and Colorize Instances...
        for (String[] command : List.of(new String[] {"Colorize...", "model=[" + dir.resolve("no-such-model") + "] device=cpu"},
                new String[] {"Colorize...", "model=[" + TinyModels.regression() + "] upsample=cubic"},
                new String[] {"Colorize Instances...", "model=[" + dir.resolve("no-such-model") + "] boxes=detector"})) {
            String options = command[0] + " " + command[1];
            Path after = dir.resolve("after.txt");
            Path saved = dir.resolve("scene-colorized.png");
            Path m = dir.resolve("m.ijm");
            Files.writeString(m, macro(input, command[0], command[1], after, saved), StandardCharsets.UTF_8);
            RealImageJ.Run run = RealImageJ.runMacro(m, dir.resolve("imagej.log"));
            assertTrue(run.finished(), run.output());
            assertTrue(run.output().contains("Colorize"), "the error is shown:\n" + run.output());
            assertFalse(run.output().contains("went on after Colorize"), options + ":\n" + run.output());
            assertFalse(Files.exists(after) || Files.exists(saved), options + ": the macro stopped:\n" + run.output());
        }
    }

    @Test
    void aBadModelStopsAMacroInImageJsWindow(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("scene.tif");
        new FileSaver(TestImages.gray8("scene", 64, 48)).saveAsTiff(input.toString());
        // The control: with a working model the same macro goes on, so the harness sees a macro that runs.
        Path goodAfter = dir.resolve("good-after.txt");
        assertTrue(runWindowed(dir, macro(input, "model=[" + TinyModels.regression() + "] device=cpu", goodAfter,
                dir.resolve("good.png")), goodAfter, 120), "a working Colorize lets the macro go on");

        Path after = dir.resolve("after.txt");
        Path saved = dir.resolve("scene-colorized.png");
        assertFalse(runWindowed(dir, macro(input, "model=[" + dir.resolve("no-such-model") + "] device=cpu", after, saved),
                after, 25), "the macro stopped at the Colorize error");
        assertFalse(Files.exists(saved));
    }

    /** Runs {@code macro} in ImageJ with its window; whether {@code marker} appeared within {@code seconds} of the start. */
    private static boolean runWindowed(Path dir, String macro, Path marker, int seconds) throws Exception {
        Path m = Files.writeString(dir.resolve("w" + System.nanoTime() + ".ijm"), macro, StandardCharsets.UTF_8);
        Path tree = RealImageJ.installTree();
        Process p = new ProcessBuilder(List.of("xvfb-run", "-a", "java", "-jar", tree.resolve("ij.jar").toString(),
                "-ijpath", tree.toString(), "-macro", m.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("windowed.log").toFile()).start();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (Files.exists(marker)) return true;
                Thread.sleep(250);
            }
            return Files.exists(marker);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
