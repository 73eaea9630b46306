package org.colorize.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.colorize.color.RgbRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    @TempDir
    Path dir;

    private static BufferedImage noise(int w, int h, int type, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, rnd.nextInt());
        }
        return img;
    }

    private Path write(BufferedImage img, String name) throws IOException {
        Path f = dir.resolve(name);
        assertTrue(ImageIO.write(img, name.substring(name.lastIndexOf('.') + 1), f.toFile()));
        return f;
    }

    @Test
    void rgbFilesDecodeToTheSamePixelsAsImageJOpensThem() throws IOException {
        BufferedImage rgb = noise(40, 30, BufferedImage.TYPE_INT_RGB, 1);
        for (Path f : new Path[] {write(rgb, "a.png"), write(rgb, "a.jpg"), write(rgb, "a.bmp")}) {
            DecodedImage d = ImageDecoder.read(f);
            assertFalse(d.gray());
            assertEquals(1, d.slices());
            int[] imagej = (int[]) IJ.openImage(f.toString()).getProcessor().getPixels();
            int[] ours = d.raster().opaqueOnWhite().argb();
            for (int i = 0; i < ours.length; i++) assertEquals(imagej[i] & 0xffffff, ours[i] & 0xffffff, f + " pixel " + i);
        }
    }

    @Test
    void transparencyIsKeptAndCompositedOntoWhiteLikeImageJ() throws IOException {
        Path f = write(noise(32, 16, BufferedImage.TYPE_INT_ARGB, 2), "alpha.png");
        DecodedImage d = ImageDecoder.read(f);
        assertTrue(d.raster().alpha(), "the corpus tool needs the alpha channel");
        int[] imagej = (int[]) IJ.openImage(f.toString()).getProcessor().getPixels();
        int[] onWhite = d.raster().opaqueOnWhite().argb();
        for (int i = 0; i < onWhite.length; i++) {
            for (int s = 0; s < 24; s += 8) {
                int diff = Math.abs(((imagej[i] >> s) & 0xff) - ((onWhite[i] >> s) & 0xff));
                assertTrue(diff <= 1, "pixel " + i + ": ImageJ " + Integer.toHexString(imagej[i]) + ", ours "
                        + Integer.toHexString(onWhite[i]));
            }
        }
    }

    @Test
    void grayFilesKeepTheirStoredValues() throws IOException {
        BufferedImage gray = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 200; i++) gray.getRaster().setSample(i % 20, i / 20, 0, i);
        DecodedImage d = ImageDecoder.read(write(gray, "g.png"));
        assertTrue(d.gray());
        assertEquals(8, d.bitDepth());
        for (int i = 0; i < 200; i++) assertEquals(0xff000000 | i << 16 | i << 8 | i, d.raster().argb()[i], "pixel " + i);
        ImagePlus imp = IJ.openImage(dir.resolve("g.png").toString());
        assertArrayEquals(d.raster().argb(), ImagePlusDecoding.of(imp).raster().argb(), "ImageJ reads the same");

        DecodedImage deep = ImageDecoder.read(write(new BufferedImage(9, 8, BufferedImage.TYPE_USHORT_GRAY), "g16.png"));
        assertTrue(deep.gray());
        assertEquals(16, deep.bitDepth());
        assertNull(deep.raster());
        assertEquals(9, deep.width());
    }

    @Test
    void largeFilesMaySkipPixelsByAWholeFactor() throws IOException {
        Path f = write(noise(1000, 600, BufferedImage.TYPE_INT_RGB, 3), "big.png");
        DecodedImage d = ImageDecoder.read(f, 100);
        assertEquals(334, d.width(), "600 / (2 · 100) = 3");
        assertEquals(200, d.height());
        assertEquals(1000, ImageDecoder.read(f).width());
        assertArrayEquals(new int[] {1000, 600}, ImageDecoder.dimensions(f));
    }

    @Test
    void unreadableInputsSayWhy() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        IOException e = assertThrows(IOException.class, () -> ImageDecoder.read(text));
        assertTrue(e.getMessage().startsWith("cannot read as an image"), e.getMessage());
        IOException bytes = assertThrows(IOException.class, () -> ImageDecoder.read("x".getBytes(), "x.webp"));
        assertTrue(bytes.getMessage().contains("x.webp"), bytes.getMessage());
    }

    @Test
    void pngsOfRastersRoundTripAndAreNeverReplaced() throws IOException {
        int[] px = {0xff102030, 0x80405060, 0x00000000, 0xffffffff};
        Path f = dir.resolve("r.png");
        RasterPng.writeRgb(new RgbRaster(2, 2, px, true), f, false);
        assertArrayEquals(px, ImageDecoder.read(f).raster().argb());
        Path g = dir.resolve("g.png");
        RasterPng.writeGray(new byte[] {0, 64, (byte) 200, (byte) 255}, 2, 2, Map.of("Description", "made here"), g, false);
        DecodedImage gray = ImageDecoder.read(g);
        assertTrue(gray.gray());
        assertEquals(0xffc8c8c8, gray.raster().argb()[2]);
        assertEquals("made here", ImageFiles.pngText(g, "Description"));
        assertThrows(FileAlreadyExistsException.class,
                () -> RasterPng.writeGray(new byte[4], 2, 2, Map.of(), g, false));
        assertEquals(0xffc8c8c8, ImageDecoder.read(g).raster().argb()[2], "left as it was");
    }
}
