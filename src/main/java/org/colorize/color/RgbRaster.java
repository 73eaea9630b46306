package org.colorize.color;

/**
 * An 8-bit sRGB image as the core sees it: packed, non-premultiplied {@code 0xAARRGGBB} ints,
 * row-major. {@code alpha} says whether the top byte is opacity; without it the top byte means
 * nothing (ImageJ's ColorProcessor leaves it 0) and every pixel is opaque. Decoders outside the
 * core produce it; training, the corpus tool and evaluation only read its pixels.
 */
public record RgbRaster(int width, int height, int[] argb, boolean alpha) {

    public RgbRaster {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if (argb.length != (long) width * height) throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
    }

    /** Opaque gray pixels R = G = B = {@code gray[i]}. */
    public static RgbRaster ofGray(int width, int height, byte[] gray) {
        int[] argb = new int[gray.length];
        for (int i = 0; i < gray.length; i++) {
            int v = gray[i] & 0xff;
            argb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return new RgbRaster(width, height, argb, false);
    }

    /**
     * Opaque pixels: partly transparent ones composited onto white (as ImageJ opens such files),
     * {@code c' = round((c·α + 255·(255 − α)) / 255)}; this raster itself when it has no alpha.
     */
    public RgbRaster opaqueOnWhite() {
        if (!alpha) return this;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int v = argb[i];
            int opacity = v >>> 24;
            int white = 255 * (255 - opacity) + 127;
            int r = (((v >> 16) & 0xff) * opacity + white) / 255;
            int g = (((v >> 8) & 0xff) * opacity + white) / 255;
            int b = ((v & 0xff) * opacity + white) / 255;
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return new RgbRaster(width, height, out, false);
    }

    public int minSide() {
        return Math.min(width, height);
    }

    public long area() {
        return (long) width * height;
    }

    /** The same pixels turned by a multiple of 90° clockwise. */
    public RgbRaster rotate(int degrees) {
        int d = ((degrees % 360) + 360) % 360;
        if (d == 0) return this;
        int w = width, h = height;
        int[] out = new int[argb.length];
        switch (d) {
            case 90 -> {
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[x * h + (h - 1 - y)] = argb[y * w + x];
                return new RgbRaster(h, w, out, alpha);
            }
            case 180 -> {
                for (int i = 0; i < argb.length; i++) out[argb.length - 1 - i] = argb[i];
                return new RgbRaster(w, h, out, alpha);
            }
            case 270 -> {
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[(w - 1 - x) * h + y] = argb[y * w + x];
                return new RgbRaster(h, w, out, alpha);
            }
            default -> throw new IllegalArgumentException("rotation must be a multiple of 90: " + degrees);
        }
    }
}
