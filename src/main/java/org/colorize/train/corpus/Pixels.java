package org.colorize.train.corpus;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A decoded 8-bit image as packed, non-premultiplied ARGB ints (row-major). {@code alpha} says
 * whether the source had an alpha channel; without one every pixel's alpha is 255.
 */
public record Pixels(int width, int height, int[] argb, boolean alpha) {

    public Pixels {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if (argb.length != width * height) throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
    }

    /** Wraps an INT_ARGB/INT_RGB image's own array; converts any other type (palette, 16-bit, ICC) once. */
    public static Pixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        if ((image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1 && db.getData().length == w * h && image.getRaster().getParent() == null) {
            int[] data = db.getData();
            if (!alpha) for (int i = 0; i < data.length; i++) data[i] |= 0xff000000;
            return new Pixels(w, h, data, alpha);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        return new Pixels(w, h, argb, alpha);
    }

    public int minSide() {
        return Math.min(width, height);
    }

    public long area() {
        return (long) width * height;
    }

    /** An INT_ARGB (with alpha) or INT_RGB image sharing this array. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(argb, 0, dst, 0, argb.length);
        return img;
    }

    /** The same pixels turned by a multiple of 90° clockwise. */
    public Pixels rotate(int degrees) {
        int d = ((degrees % 360) + 360) % 360;
        if (d == 0) return this;
        int w = width, h = height;
        int[] out = new int[argb.length];
        switch (d) {
            case 90 -> {
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = argb[y * w + x];
                return new Pixels(h, w, out, alpha);
            }
            case 180 -> {
                for (int i = 0; i < argb.length; i++) out[argb.length - 1 - i] = argb[i];
                return new Pixels(w, h, out, alpha);
            }
            case 270 -> {
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[(w - 1 - x) * h + y] = argb[y * w + x];
                return new Pixels(h, w, out, alpha);
            }
            default -> throw new IllegalArgumentException("rotation must be a multiple of 90: " + degrees);
        }
    }
}
