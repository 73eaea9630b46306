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
        assertTrue(err().contains("unknown architecture 'deoldify' (one of eccv16, siggraph17, instcolor-full, instcolor-instance,"
                + " instcolor)"), err());
        assertEquals(2, run("--arch", "eccv16", "--out", "m"));
        assertEquals(2, run("gcomp.pth", "--arch", "instcolor", "--instance", "g.pth", "--out", "m"));
        assertTrue(err().contains("--arch instcolor needs --instance latest_net_G.pth and --fusion latest_net_GF.pth"), err());
        assertEquals(2, run("x.pth", "--arch", "siggraph17", "--fusion", "gf.pth", "--out", "m"));
        assertTrue(err().contains("--instance and --fusion go with --arch instcolor"), err());
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--arch instcolor --instance latest_net_G.pth --fusion latest_net_GF.pth"));
    }

    private int instcolor(Path gcomp, Path g, Path gf, Path target) {
        return run(gcomp.toString(), "--arch", "instcolor", "--instance", g.toString(), "--fusion", gf.toString(), "--out", target.toString());
    }

    @Test
    void aHostileOrWrongFusionFileExitsOneRunsNothingAndWritesNoModel() throws Exception {
        Path marker = tmp.resolve("pwned");
        Path evil = tmp.resolve("latest_net_GF.pth");
        // the module. prefix of GF changes nothing in what the reader allows: the global is refused by name
        PickleBytes.writeZip(evil, PickleBytes.protocol(2).orderedDict().str("module.model1.0.weight").global("os", "system")
                .str("touch " + marker).op(0x85).reduce().op('s').stop().bytes(), null);
        Path target = tmp.resolve("models/instcolor");
        Path gcomp = Fixtures.path("instcolor-full-zip.pth");
        Path g = Fixtures.path("instcolor-instance-zip.pth");
        assertEquals(1, instcolor(gcomp, g, evil, target));
        assertTrue(err().contains("latest_net_GF.pth refused: its pickle names the global os.system"), err());
        assertTrue(err().contains("no model was written"), err());
        assertFalse(Files.exists(marker), "os.system ran");
        assertFalse(Files.exists(target.getParent()), "the models folder was created");

        // hostile as the instance network, too
        assertEquals(1, instcolor(gcomp, evil, Fixtures.path("instcolor-fusion-zip.pth"), target));
        assertTrue(err().contains("refused") && err().contains("os.system"), err());
        assertFalse(Files.exists(marker));

        // G given as GF: no module. prefix
        assertEquals(1, instcolor(gcomp, g, Fixtures.path("instcolor-instance-legacy.pth"), target));
        assertTrue(err().contains("instcolor-instance-legacy.pth cannot be imported as InstColorization's fusion network")
                && err().contains("every key starts with 'module.'"), err());

        // a truncated GF
        byte[] whole = Files.readAllBytes(Fixtures.path("instcolor-fusion-zip.pth"));
        Path cut = tmp.resolve("cut-GF.pth");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(1, instcolor(gcomp, g, cut, target));
        assertTrue(err().contains("cut-GF.pth") && err().contains("truncated"), err());

        // GF with a weight net of the wrong shape: refused while loading, the temporary folder goes too
        Path wrong = tmp.resolve("wrong-GF.pth");
        PickleBytes.writeZip(wrong, PickleBytes.stateDict("module.model1.0.weight", 1, 4, 3, 3).bytes(), new byte[4 * 36]);
        assertEquals(1, instcolor(gcomp, g, wrong, target));
        assertTrue(err().contains("wrong-GF.pth cannot be imported as InstColorization's fusion network")
                && err().contains("module.weight_layer.simple_instance_conv.0.weight"), err());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(marker));
    }

    @Test
    @org.colorize.testing.Slow
    void importsTheInstColorizationTripleWithExitZero() throws Exception {
        Path target = tmp.resolve("models/instcolor");
        assertEquals(0, instcolor(Fixtures.path("instcolor-full-legacy.pth"), Fixtures.path("instcolor-instance-zip.pth"),
                Fixtures.path("instcolor-fusion-legacy.pth"), target), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("imported instcolor-full-legacy.pth, instcolor-instance-zip.pth and"
                + " instcolor-fusion-legacy.pth as"), out.toString(StandardCharsets.UTF_8));
        for (String f : new String[] {"model.json", "saved_model.pb", "instance/saved_model.pb", "fusion/saved_model.pb"}) {
            assertTrue(Files.isRegularFile(target.resolve(f)), f);
        }
        assertTrue(err().contains("weight_layerout"), "the unused weights are named: " + err());
    }
}
