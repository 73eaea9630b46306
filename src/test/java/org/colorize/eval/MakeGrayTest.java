package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.color.Lab;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeGrayTest {
    @TempDir
    Path dir;

    @Test
    void writesTheLChannelOfEveryPixelAsAnEightBitGrayPng() throws Exception {
        Path in = SyntheticImages.folder(dir.resolve("color"), 21, 37, 29, "a", "b");
        Path out = dir.resolve("gray");
        MakeGray.Result r = MakeGray.run(in, out, ProgressListener.NONE);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(out.resolve("a.png"), out.resolve("b.png")), r.written());
        for (String name : List.of("a", "b")) {
            int[] color = SyntheticImages.readSamples(in.resolve(name + ".png"));
            Path file = out.resolve(name + ".png");
            assertEquals(1, SyntheticImages.bands(file), "a one-band gray PNG");
            int[] gray = SyntheticImages.readSamples(file);
            ImagePlus opened = IJ.openImage(file.toString());
            assertEquals(ImagePlus.GRAY8, opened.getType(), "ImageJ opens it as 8-bit");
            byte[] ijPixels = (byte[]) opened.getProcessor().getPixels();
            double worst = 0;
            for (int i = 0; i < color.length; i++) {
                double l = SyntheticImages.lightness(color[i]);
                double lGray = Lab.lightnessOfGray(gray[i] / 255.0);
                worst = Math.max(worst, Math.abs(lGray - l));
                assertEquals(Math.round(255 * Lab.grayOfLightness(l)), gray[i], "pixel " + i);
                assertEquals(gray[i], ijPixels[i] & 0xff, "ImageJ reads the same value at pixel " + i);
            }
            assertTrue(worst <= 0.5, "max |L(gray) - L(truth)| = " + worst);
        }
    }

    @Test
    void neverOverwritesAndStillWritesTheOthers() throws Exception {
        Path in = SyntheticImages.folder(dir.resolve("color"), 1, 16, 16, "a", "b");
        Path out = Files.createDirectories(dir.resolve("gray"));
        Files.writeString(out.resolve("a.png"), "keep me");
        MakeGray.Result r = MakeGray.run(in, out, ProgressListener.NONE);
        assertEquals(List.of(out.resolve("b.png")), r.written());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("already exists"), r.errors().get(0));
        assertEquals("keep me", Files.readString(out.resolve("a.png")));
        // a second run replaces nothing
        MakeGray.Result again = MakeGray.run(in, out, ProgressListener.NONE);
        assertEquals(List.of(), again.written());
        assertEquals(2, again.errors().size());
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void grayInputsAndNameClashesAreRefused() throws Exception {
        Path in = Files.createDirectories(dir.resolve("color"));
        SyntheticImages.writePng(SyntheticImages.gray("g", 16, 16), in.resolve("g.png"));
        MakeGray.Result r = MakeGray.run(in, dir.resolve("out"), ProgressListener.NONE);
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("8-bit gray"), r.errors().get(0));
        SyntheticImages.writePng(SyntheticImages.colorful("g", 16, 16, 1), in.resolve("g.jpg.png"));
        IJ.saveAs(SyntheticImages.colorful("g", 16, 16, 1), "tiff", in.resolve("g.tif").toString());
        ColorizeException e = assertThrows(ColorizeException.class, () -> MakeGray.run(in, dir.resolve("out2"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("g.png") && e.getMessage().contains("g.tif"), e.getMessage());
        assertThrows(ColorizeException.class, () -> MakeGray.run(dir.resolve("missing"), dir.resolve("out3"), ProgressListener.NONE));
    }

    @Test
    void grayBaselinePixelsAreTheMakeGrayPixels() {
        ImagePlus color = SyntheticImages.colorful("c", 64, 48, 9);
        int[] px = (int[]) color.getProcessor().getPixels();
        byte[] made = MakeGray.lightnessGray(px);
        float[] l = new float[px.length];
        EvalImages.lab(px, l, new float[px.length], new float[px.length]);
        int[] baseline = EvalImages.grayBaseline(l);
        for (int i = 0; i < px.length; i++) {
            int g = baseline[i] & 0xff;
            assertEquals(g, (baseline[i] >> 8) & 0xff);
            assertEquals(g, (baseline[i] >> 16) & 0xff);
            assertTrue(Math.abs(g - (made[i] & 0xff)) <= 1, "pixel " + i + ": baseline " + g + ", make-gray " + (made[i] & 0xff));
        }
    }
}
