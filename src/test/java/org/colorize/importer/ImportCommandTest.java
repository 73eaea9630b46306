package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.cli.ImportCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colorize import}: exit codes, messages, and that a refused file leaves nothing behind. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPickleCallingOsSystemExitsOneRunsNothingAndWritesNoModel() throws Exception {
        Path marker = tmp.resolve("pwned");
        Path file = tmp.resolve("evil.pth");
        PickleBytes.writeZip(file, PickleBytes.protocol(2).global("os", "system").str("touch " + marker).op(0x85).reduce().stop()
                .bytes(), null);
        Path models = tmp.resolve("models");
        assertEquals(1, run(file.toString(), "--arch", "siggraph17", "--out", models.resolve("evil").toString()));
        assertTrue(err().contains("evil.pth refused: its pickle names the global os.system"), err());
        assertTrue(err().contains("no model was written"), err());
        assertFalse(Files.exists(marker), "os.system ran");
        assertFalse(Files.exists(models), "the models folder was created");
    }

    @Test
    void truncatedAndMismatchedFilesExitOneWithTheReason() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("siggraph17-zip.pth"));
        Path cut = tmp.resolve("cut.pth");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        Path target = tmp.resolve("models/cut");
        assertEquals(1, run(cut.toString(), "--arch", "siggraph17", "--out", target.toString()));
        assertTrue(err().contains("cut.pth cannot be imported") && err().contains("truncated"), err());
        assertFalse(Files.exists(target));

        assertEquals(1, run(Fixtures.path("eccv16-legacy.pth").toString(), "--arch", "instcolor-full", "--out", target.toString()));
        assertTrue(err().contains("eccv16-legacy.pth cannot be imported as instcolor-full") && err().contains("--arch eccv16"), err());
        assertFalse(Files.exists(target.getParent()), "refused before anything was written");

        // refused late, while loading weights into the built network: the temporary folder goes too
        Path partial = tmp.resolve("partial.pth");
        PickleBytes.writeZip(partial, PickleBytes.stateDict("model1.0.weight", 4, 4, 3, 3).bytes(), new byte[4 * 144]);
        assertEquals(1, run(partial.toString(), "--arch", "siggraph17", "--out", target.toString()));
        assertTrue(err().contains("it has no tensor model1.0.bias (for layer conv1_1)"), err());
        assertFalse(Files.exists(target));
        try (var left = Files.list(target.getParent())) {
            assertEquals(0, left.count(), "a temporary folder was left behind");
        }
    }

    @Test
    void importsAValidCheckpointOnce() throws Exception {
        Path target = tmp.resolve("models/sig");
        assertEquals(0, run(Fixtures.path("siggraph17-legacy.pth").toString(), "--arch=siggraph17", "--out", target.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("imported siggraph17-legacy.pth"), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(target.resolve("model.json")));
        assertTrue(Files.isRegularFile(target.resolve("saved_model.pb")));
        assertEquals(1, run(Fixtures.path("siggraph17-zip.pth").toString(), "--arch", "siggraph17", "--out", target.toString()));
        assertTrue(err().contains("exists already"), err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("x.pth", "--out", "m"));
        assertTrue(err().contains("--arch is required"));
        assertEquals(2, run("x.pth", "--arch", "deoldify", "--out", "m"));
        assertTrue(err().contains("unknown architecture 'deoldify' (one of eccv16, siggraph17, instcolor-full, instcolor-instance)"), err());
        assertEquals(2, run("--arch", "eccv16", "--out", "m"));
        assertEquals(0, run("--help"));
    }
}
