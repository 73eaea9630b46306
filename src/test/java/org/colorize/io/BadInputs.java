package org.colorize.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.colorize.color.Lab;
import org.colorize.color.SrgbTransfer;
import org.colorize.pipeline.TestImages;

/**
 * The odd and broken inputs a user meets, made by the tests themselves: truncated JPEG, TIFF and
 * PNG files, palette PNGs (a color palette, a gray palette out of order), a 1-bit PNG, 48-bit RGB
 * PNG and TIFF, a CMYK JPEG, a float TIFF with values near ±Float.MAX_VALUE; and the CIE L of
 * what a viewer displays, to compare outputs against.
 */
public final class BadInputs {
    private BadInputs() {
    }

    /** The test scene's gray level (0..1) at a pixel. */
    static double scene(int x, int y, int w, int h) {
        return TestImages.scene(x, y, w, h);
    }

    public static BufferedImage grayScene(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, (int) Math.round(255 * scene(x, y, w, h)));
        }
        return image;
    }

    /** Writes {@code file} whole, then {@code cut} beside it holding only its first {@code fraction}. */
    public static Path truncated(Path whole, Path cut, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(whole);
        return Files.write(cut, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    public static Path jpeg(Path file, int w, int h) throws IOException {
        ImageIO.write(grayScene(w, h), "jpg", file.toFile());
        return file;
    }

    public static Path png(Path file, int w, int h) throws IOException {
        ImageIO.write(grayScene(w, h), "png", file.toFile());
        return file;
    }

    /** An 8-bit TIFF as ImageJ writes it (one strip per image). */
    public static Path tiff(Path file, int w, int h) {
        new FileSaver(TestImages.gray8("t", w, h)).saveAsTiff(file.toString());
        return file;
    }

    /** A 4-color palette PNG: red, green, blue and gray bands over the scene's structure. */
    public static Path colorPalettePng(Path file, int w, int h) throws IOException {
        byte[] r = {(byte) 200, 20, 30, (byte) 128};
        byte[] g = {40, (byte) 180, 60, (byte) 128};
        byte[] b = {30, 50, (byte) 220, (byte) 128};
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, (int) (scene(x, y, w, h) * 3.99));
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A gray palette whose entry i is gray level (97·i) mod 256: index values are not gray levels. */
    public static Path shuffledGrayPalettePng(Path file, int w, int h) throws IOException {
        byte[] gray = new byte[256];
        int[] index = new int[256];
        for (int i = 0; i < 256; i++) {
            gray[i] = (byte) ((i * 97) % 256);
            index[(i * 97) % 256] = i;
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, gray, gray, gray));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, index[(int) Math.round(255 * scene(x, y, w, h))]);
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A 1-bit PNG: the scene thresholded at its mean. */
    public static Path oneBitPng(Path file, int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, scene(x, y, w, h) > 0.45 ? 1 : 0);
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** 16 bits per channel sRGB with a slight warm tint, full 16-bit precision (odd codes used). */
    public static BufferedImage rgb48Scene(int w, int h) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = scene(x, y, w, h);
                raster.setSample(x, y, 0, (int) Math.round(65535 * Math.min(1, v * 1.04)) | 1);
                raster.setSample(x, y, 1, (int) Math.round(65535 * v));
                raster.setSample(x, y, 2, (int) Math.round(65535 * v * 0.93));
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    public static Path rgb48(Path file, String format, int w, int h) throws IOException {
        if (!ImageIO.write(rgb48Scene(w, h), format, file.toFile())) throw new IOException("no " + format + " writer");
        return file;
    }

    /** A JPEG of four components (CMYK as printers use), written from a raster. */
    public static Path cmykJpeg(Path file, int w, int h) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = 255 - (int) Math.round(255 * scene(x, y, w, h));
                raster.setPixel(x, y, new int[] {0, 0, 0, k});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A 32-bit float TIFF spanning almost ±Float.MAX_VALUE, with the scene's structure. */
    public static Path extremeFloatTiff(Path file, int w, int h) {
        FloatProcessor ip = new FloatProcessor(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) ip.setf(x, y, (float) ((2 * scene(x, y, w, h) - 1) * 3.0e38));
        }
        ip.setf(0, 0, -3.4e38f);
        ip.setf(1, 0, 3.4e38f);
        new FileSaver(new ImagePlus("extreme", ip)).saveAsTiff(file.toString());
        return file;
    }

    /** CIE L of an 8-bit sRGB color. */
    public static double lightness(int rgb) {
        double[] m = Lab.rgbToXyzMatrix();
        double y = m[3] * SrgbTransfer.decodeByte((rgb >> 16) & 0xff) + m[4] * SrgbTransfer.decodeByte((rgb >> 8) & 0xff)
                + m[5] * SrgbTransfer.decodeByte(rgb & 0xff);
        return Lab.lightnessOfLuminance(y);
    }

    /** CIE L of sRGB-encoded r, g, b in [0, 1]. */
    public static double lightness(double r, double g, double b) {
        double[] m = Lab.rgbToXyzMatrix();
        return Lab.lightnessOfLuminance(m[3] * SrgbTransfer.decode(r) + m[4] * SrgbTransfer.decode(g) + m[5] * SrgbTransfer.decode(b));
    }

    /** Mean |ΔL| between what ImageIO displays of two 8-bit (or palette) images of the same size. */
    public static double meanDeltaL(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        if (b.getWidth() != w || b.getHeight() != h) throw new IllegalArgumentException("sizes differ");
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) sum += Math.abs(lightness(a.getRGB(x, y)) - lightness(b.getRGB(x, y)));
        }
        return sum / (w * (double) h);
    }

    /** Mean |ΔL| between two 16-bit-per-channel RGB images, at full precision. */
    public static double meanDeltaL16(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += Math.abs(lightness16(a.getRaster(), x, y) - lightness16(b.getRaster(), x, y));
            }
        }
        return sum / (w * (double) h);
    }

    private static double lightness16(Raster r, int x, int y) {
        return lightness(r.getSample(x, y, 0) / 65535.0, r.getSample(x, y, 1) / 65535.0, r.getSample(x, y, 2) / 65535.0);
    }
}
