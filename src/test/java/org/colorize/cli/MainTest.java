package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.io.ImageFiles;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.colorize.runtime.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final CliRunner cli = new CliRunner();

    private int run(String... args) {
        return cli.run(args);
    }

    private String err() {
        return cli.err();
    }

    @Test
    void colorizesFilesIntoTheOutputFolderAsPngAndTiff(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        new FileSaver(TestImages.gray8("a", 90, 60)).saveAsPng(in.resolve("a.png").toString());
        new FileSaver(TestImages.gray16("b", 50, 40)).saveAsTiff(in.resolve("b.tif").toString());
        Path outDir = dir.resolve("out");
        int code = run(in.resolve("a.png").toString(), in.resolve("b.tif").toString(), "-o", outDir.toString(),
                "--model", TinyModels.regression().toString(), "--device", "cpu");
        assertEquals(0, code, err());
        ImagePlus a = IJ.openImage(outDir.resolve("a.png").toString());
        assertEquals(ImagePlus.COLOR_RGB, a.getType());
        assertEquals(90, a.getWidth());
        assertTrue(ImageFiles.pngText(outDir.resolve("a.png"), "Description").contains("AI-inferred color"));
        ImagePlus b = IJ.openImage(outDir.resolve("b.tif").toString());
        assertEquals(16, b.getBitDepth());
        assertEquals(3, b.getNChannels());
        assertTrue(err().contains("[1/2] a.png") && err().contains("network"), "progress on stderr: " + err());
    }

    @Test
    void aFailedImageDoesNotStopTheOthersAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path notImage = Files.writeString(dir.resolve("notes.tif"), "not an image");
        Path good = dir.resolve("good.png");
        new FileSaver(TestImages.gray8("g", 40, 40)).saveAsPng(good.toString());
        Path outDir = dir.resolve("out");
        int code = run(notImage.toString(), good.toString(), "-o", outDir.toString(), "--model", TinyModels.regression().toString());
        assertEquals(1, code);
        assertTrue(err().contains("notes.tif: error: not an image"), err());
        assertTrue(Files.exists(outDir.resolve("good.png")));
        assertTrue(!Files.exists(outDir.resolve("notes.png")) && !Files.exists(outDir.resolve("notes.tif")));
    }

    @Test
    void existingOutputsAreKept(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("x.png");
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsPng(in.toString());
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Files.writeString(outDir.resolve("x.png"), "keep me");
        assertEquals(1, run(in.toString(), "-o", outDir.toString(), "--model", TinyModels.regression().toString()));
        assertEquals("keep me", Files.readString(outDir.resolve("x.png")));
        assertTrue(err().contains("already exists"), err());
    }

    @Test
    void missingModelFailsWithAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("x.png");
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsPng(in.toString());
        assertEquals(1, run(in.toString(), "-o", dir.resolve("o").toString(), "--model", dir.resolve("nothing-here").toString()));
        assertTrue(err().startsWith("colorize: Model '") && !err().contains("Exception"), err());
    }

    @Test
    void aCancelStopsTheBatchCleanlyWithExitCode130(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        new FileSaver(TestImages.gray8("a", 60, 40)).saveAsPng(in.resolve("a.png").toString());
        new FileSaver(TestImages.stack8("b", 60, 40, 3, 0)).saveAsTiff(in.resolve("b.tif").toString());
        new FileSaver(TestImages.gray8("c", 60, 40)).saveAsPng(in.resolve("c.png").toString());
        Path outDir = dir.resolve("out");
        // Ctrl-C while the second image (a stack) is being colorized (a.png may still be on its way to disk).
        CancelToken ctrlC = () -> cliErrText.toString(java.nio.charset.StandardCharsets.UTF_8).contains("b.tif: slice 1/3: reading L");
        int code = Main.run(new String[] {in.toString(), "-o", outDir.toString(), "--model", TinyModels.regression().toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), cliErr, ctrlC);
        String err = cliErrText.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(130, code, err);
        assertTrue(err.contains("b.tif: canceled") && err.trim().endsWith("colorize: canceled"), err);
        assertTrue(err.contains("b.tif: slice 1/3: reading L"), "canceled while b.tif was being colorized: " + err);
        try (var files = Files.list(outDir)) {
            assertEquals(List.of("a.png"), files.map(p -> p.getFileName().toString()).toList(), "no partial or temporary output");
        }
    }

    private final java.io.ByteArrayOutputStream cliErrText = new java.io.ByteArrayOutputStream();
    private final java.io.PrintStream cliErr = new java.io.PrintStream(cliErrText, true, java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("a.png"));
        assertTrue(err().contains("no output folder"), err());
        assertEquals(2, run("a.png", "-o", "x", "--colour", "red"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(2, run("a.png", "-o", "x", "--device", "tpu"));
        assertTrue(err().contains("device must be one of auto, cpu, gpu"), err());
    }

    @Test
    void inputsThatWouldCollideAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsPng(one.resolve("x.png").toString());
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsTiff(two.resolve("x.tif").toString());
        assertEquals(1, run(one.toString(), two.toString(), "-o", dir.resolve("o").toString(), "--model", TinyModels.regression().toString()));
        assertTrue(err().contains("would both be written as 'x'"), err());
    }

    @Test
    void theDetectorIsListedAsAnOtherModelAndRefusedForColorizing(@TempDir Path dir) throws Exception {
        assertEquals(0, run("models"), err());
        String out = cli.out();
        assertTrue(out.contains("\nother models: coco-centernet (detector)\n"), out);
        assertTrue(out.contains(" colorize-default v") && !out.contains("  coco-centernet v"), "detector not among colorizers: " + out);
        Path in = dir.resolve("x.png");
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsPng(in.toString());
        cli.reset();
        assertEquals(1, run(in.toString(), "-o", dir.resolve("out").toString(), "--model", "coco-centernet"));
        assertTrue(err().startsWith("colorize: Model coco-centernet is a detector (kind 'detector'), not a colorization model;"
                + " colorization models here: ") && err().contains("colorize-default"), err());
        assertTrue(!Files.exists(dir.resolve("out").resolve("x.png")));
    }
}
