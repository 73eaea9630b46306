package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.pipeline.TestImages;
import org.colorize.testing.Slow;
import org.colorize.train.TinyDiverseModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colorize diverse}: the labelled stack, the uncertainty map, the montage; refusal to overwrite. */
@Slow
class DiverseCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        err.reset();
        out.reset();
        String[] all = new String[args.length + 1];
        all[0] = "diverse";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesStackUncertaintyAndMontageAndRefusesToOverwrite() throws Exception {
        Path in = dir.resolve("boat.png");
        new FileSaver(TestImages.gray8("boat", 90, 60)).saveAsPng(in.toString());
        Path outDir = dir.resolve("out");
        String[] args = {in.toString(), "--method", "vae", "--model", TinyDiverseModels.vae().toString(), "-n", "3", "--seed", "5",
            "-o", outDir.toString(), "--montage"};
        assertEquals(0, run(args), err.toString(StandardCharsets.UTF_8));
        ImagePlus stack = IJ.openImage(outDir.resolve("boat_diverse.tif").toString());
        assertEquals(3, stack.getStackSize());
        assertEquals(ImagePlus.COLOR_RGB, stack.getType());
        assertEquals(90, stack.getWidth());
        assertEquals("vae seed=5 sample=2/3", stack.getStack().getSliceLabel(2));
        String info = (String) stack.getProperty("Info");
        assertTrue(info.contains("AI-inferred color") && info.contains("Slice 3: ") && info.contains("method=vae seed=5 sample=3/3"), info);
        ImagePlus u = IJ.openImage(outDir.resolve("boat_uncertainty.tif").toString());
        assertEquals(ImagePlus.GRAY32, u.getType());
        assertEquals(60, u.getHeight());
        assertTrue(u.getStatistics().max > 0, "the samples disagree somewhere");
        assertTrue(Files.isRegularFile(outDir.resolve("boat_montage.png")));
        long before = Files.getLastModifiedTime(outDir.resolve("boat_diverse.tif")).toMillis();
        byte[] bytes = Files.readAllBytes(outDir.resolve("boat_diverse.tif"));

        // again, with another seed: refused, nothing replaced, no temporary files left
        args[8] = "6";
        assertEquals(1, run(args));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"), err.toString(StandardCharsets.UTF_8));
        assertEquals(before, Files.getLastModifiedTime(outDir.resolve("boat_diverse.tif")).toMillis());
        try (var files = Files.list(outDir)) {
            assertEquals(List.of("boat_diverse.tif", "boat_montage.png", "boat_uncertainty.tif"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // the same seed with --overwrite gives the same pixels
        args[8] = "5";
        String[] overwrite = java.util.Arrays.copyOf(args, args.length + 1);
        overwrite[args.length] = "--overwrite";
        assertEquals(0, run(overwrite), err.toString(StandardCharsets.UTF_8));
        ImagePlus again = IJ.openImage(outDir.resolve("boat_diverse.tif").toString());
        for (int s = 1; s <= 3; s++) {
            assertTrue(java.util.Arrays.equals((int[]) stack.getStack().getPixels(s), (int[]) again.getStack().getPixels(s)),
                    "same seed, same slice " + s);
        }
        assertTrue(bytes.length > 0);
    }

    @Test
    void badUsageIsExitCodeTwo() {
        assertEquals(2, run("--method", "gan"));
        assertEquals(2, run("x.png", "-o", dir.toString(), "--method", "xyz"));
    }
}
