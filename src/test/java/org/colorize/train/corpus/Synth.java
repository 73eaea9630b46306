package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import java.util.Random;

/** Synthetic test pictures. */
final class Synth {
    private Synth() {
    }

    /** An INT_ARGB (with alpha) or INT_RGB copy, for encoding with ImageIO. */
    static java.awt.image.BufferedImage toImage(RgbRaster p) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(p.width(), p.height(),
                p.alpha() ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        return img;
    }

    /** A colorful "photo": smooth hue waves, a few blobs and sensor-like noise. */
    static RgbRaster photo(int w, int h, long seed) {
        Random rnd = new Random(seed);
        double fx = 8 + rnd.nextInt(20), fy = 8 + rnd.nextInt(20), phase = rnd.nextDouble() * 6;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (double) x / w, v = (double) y / h;
                double r = 128 + 90 * Math.sin(u * fx + phase) + 20 * v * 10 % 30;
                double g = 128 + 80 * Math.sin(v * fy + 2 * phase + u * 3);
                double b = 128 + 90 * Math.cos((u + v) * (fx + fy) / 2 - phase);
                r += rnd.nextGaussian() * 4;
                g += rnd.nextGaussian() * 4;
                b += rnd.nextGaussian() * 4;
                px[y * w + x] = 0xff000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        return new RgbRaster(w, h, px, false);
    }

    /** The same picture through a gray ramp: equal R, G, B. */
    static RgbRaster gray(RgbRaster p) {
        int[] px = new int[p.argb().length];
        for (int i = 0; i < px.length; i++) {
            int c = p.argb()[i];
            int y = (((c >> 16) & 0xff) * 299 + ((c >> 8) & 0xff) * 587 + (c & 0xff) * 114) / 1000;
            px[i] = 0xff000000 | y << 16 | y << 8 | y;
        }
        return new RgbRaster(p.width(), p.height(), px, false);
    }

    /** A photo-textured disc on a transparent background. */
    static RgbRaster cutout(int w, int h, long seed) {
        RgbRaster base = photo(w, h, seed);
        int[] px = base.argb().clone();
        double cx = w / 2.0, cy = h / 2.0, rad = Math.min(w, h) * 0.4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot(x - cx, y - cy) > rad) px[y * w + x] = 0;
            }
        }
        return new RgbRaster(w, h, px, true);
    }

    /** Two flat colors: a "logo". */
    static RgbRaster flat(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) px[i] = (i % w) < w / 2 ? 0xffd02020 : 0xff2040e0;
        return new RgbRaster(w, h, px, false);
    }

    /** Brightness changed by {@code delta} and a little noise added. */
    static RgbRaster edited(RgbRaster p, int delta, long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[p.argb().length];
        for (int i = 0; i < px.length; i++) {
            int c = p.argb()[i];
            int r = clamp(((c >> 16) & 0xff) + delta + rnd.nextGaussian() * 2);
            int g = clamp(((c >> 8) & 0xff) + delta + rnd.nextGaussian() * 2);
            int b = clamp((c & 0xff) + delta + rnd.nextGaussian() * 2);
            px[i] = (c & 0xff000000) | r << 16 | g << 8 | b;
        }
        return new RgbRaster(p.width(), p.height(), px, p.alpha());
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
