package org.colorize.eval;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.colorize.color.Lab;

/** Small synthetic color images and folders of them, written as PNG, for the evaluation tests. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    /**
     * A colorful image: hue changing across, saturation down, plus a little seeded noise, so every
     * seed gives a different image with strong chroma (a and b far from 0 in most pixels).
     */
    public static ImagePlus colorful(String title, int width, int height, long seed) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 12345); // scrambled: nearby seeds give unrelated images
        int[] px = new int[width * height];
        double phase = rnd.nextDouble() * 2 * Math.PI;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double hue = phase + 2 * Math.PI * x / width;
                double sat = 0.35 + 0.6 * y / Math.max(1, height - 1);
                double value = 0.3 + 0.6 * ((x + 2 * y) % 17) / 16.0;
                int r = channel(value, sat, hue, rnd);
                int g = channel(value, sat, hue - 2 * Math.PI / 3, rnd);
                int b = channel(value, sat, hue + 2 * Math.PI / 3, rnd);
                px[y * width + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return new ImagePlus(title, new ColorProcessor(width, height, px));
    }

    private static int channel(double value, double sat, double angle, Random rnd) {
        double v = value * (1 - sat + sat * (0.5 + 0.5 * Math.cos(angle))) * 255 + rnd.nextInt(7) - 3;
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** An 8-bit gray image with a gradient. */
    public static ImagePlus gray(String title, int width, int height) {
        byte[] px = new byte[width * height];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 255 / px.length);
        return new ImagePlus(title, new ByteProcessor(width, height, px));
    }

    /** Writes an RGB or 8-bit image as PNG (raw samples, no colour management). */
    public static Path writePng(ImagePlus imp, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedImage image;
        if (imp.getProcessor() instanceof ByteProcessor bp) {
            image = new BufferedImage(bp.getWidth(), bp.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, bp.getWidth(), bp.getHeight(), bp.getPixels());
        } else {
            image = imp.getProcessor().getBufferedImage();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** Writes colorful images {@code names[i] + ".png"} (seed = base + i) into {@code dir}. */
    public static Path folder(Path dir, long seed, int width, int height, String... names) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < names.length; i++) {
            writePng(colorful(names[i], width, height, seed + i), dir.resolve(names[i] + ".png"));
        }
        return dir;
    }

    /** The raw samples of a PNG: packed RGB for 3-band files, the gray value for 1-band ones. */
    public static int[] readSamples(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int bands = r.getNumBands();
        int[] out = new int[w * h];
        int[] s = new int[bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, s);
                out[y * w + x] = bands == 1 ? s[0] : 0xff000000 | s[0] << 16 | s[1] << 8 | s[2];
            }
        }
        return out;
    }

    /** Number of bands of a PNG's raster (1 for gray). */
    public static int bands(Path file) throws IOException {
        return ImageIO.read(file.toFile()).getRaster().getNumBands();
    }

    /** CIE L* of a packed RGB pixel. */
    public static double lightness(int argb) {
        double[] lab = new double[3];
        Lab.fromSrgb(((argb >> 16) & 0xff) / 255.0, ((argb >> 8) & 0xff) / 255.0, (argb & 0xff) / 255.0, lab);
        return lab[0];
    }

    /** a*, b* of a packed RGB pixel. */
    public static double[] ab(int argb) {
        double[] lab = new double[3];
        Lab.fromSrgb(((argb >> 16) & 0xff) / 255.0, ((argb >> 8) & 0xff) / 255.0, (argb & 0xff) / 255.0, lab);
        return new double[] {lab[1], lab[2]};
    }

    /** Mean a*, b* over the square of half-side {@code r} around (x, y), clipped to the image. */
    public static double[] meanAb(int[] rgb, int width, int height, int x, int y, int r) {
        double a = 0;
        double b = 0;
        int n = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
                double[] ab = ab(rgb[yy * width + xx]);
                a += ab[0];
                b += ab[1];
                n++;
            }
        }
        return new double[] {a / n, b / n};
    }
}
