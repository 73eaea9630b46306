package org.colorize.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.colorize.color.Lab;

/**
 * Synthetic color scenes whose chroma is a smooth function of lightness and position, so a tiny
 * network can learn it in a few dozen steps: L is a sum of random waves and a disc, and
 * a = 45·cos(2πL/100) + 15·(x − ½), b = 45·sin(2πL/100) − 15·(y − ½) in ab units.
 */
final class SyntheticScenes {
    private SyntheticScenes() {
    }

    /** The ab of lightness {@code l} at relative position (u, v) in [0, 1]. */
    static double[] ab(double l, double u, double v) {
        return new double[] {45 * Math.cos(2 * Math.PI * l / 100) + 15 * (u - 0.5),
                45 * Math.sin(2 * Math.PI * l / 100) - 15 * (v - 0.5)};
    }

    static BufferedImage scene(Random r, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double fx = 1 + 2 * r.nextDouble();
        double fy = 1 + 2 * r.nextDouble();
        double px = 2 * Math.PI * r.nextDouble();
        double py = 2 * Math.PI * r.nextDouble();
        double cx = w * r.nextDouble();
        double cy = h * r.nextDouble();
        double radius = Math.min(w, h) * (0.15 + 0.2 * r.nextDouble());
        double[] rgb = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double l = 50 + 22 * Math.sin(fx * 2 * Math.PI * x / w + px) + 18 * Math.cos(fy * 2 * Math.PI * y / h + py);
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius) l = 85;
                l = Math.max(5, Math.min(95, l));
                double[] ab = ab(l, (double) x / w, (double) y / h);
                Lab.toSrgb(l, ab[0], ab[1], rgb);
                img.setRGB(x, y, byte8(rgb[0]) << 16 | byte8(rgb[1]) << 8 | byte8(rgb[2]));
            }
        }
        return img;
    }

    private static int byte8(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    /** Writes {@code n} scenes of about {@code w × h} (sizes vary ±25%) as PNG, every third as JPEG, into {@code dir}. */
    static List<Path> write(Path dir, int n, int w, int h, long seed) {
        Random r = new Random(seed);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                int iw = (int) (w * (0.75 + 0.5 * r.nextDouble()));
                int ih = (int) (h * (0.75 + 0.5 * r.nextDouble()));
                String ext = i % 3 == 2 ? "jpg" : "png";
                Path f = dir.resolve(String.format("scene-%02d.%s", i, ext));
                ImageIO.write(scene(r, iw, ih), ext, f.toFile());
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A gray PNG (R = G = B). */
    static Path writeGray(Path file, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255 / w + y) & 0xff;
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
