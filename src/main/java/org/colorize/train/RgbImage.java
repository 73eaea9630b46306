package org.colorize.train;

import org.colorize.color.RgbRaster;

/**
 * An 8-bit sRGB image held compactly in memory: interleaved R, G, B bytes, row-major (3 bytes a
 * pixel, not the 4 of an {@link RgbRaster}). The training data keeps one per image, already
 * downscaled, so batches never touch the disk.
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if (width < 1 || height < 1 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("RGB image " + width + "×" + height + " needs " + 3L * width * height
                    + " bytes, has " + rgb.length);
        }
    }

    public int shortSide() {
        return Math.min(width, height);
    }

    public long bytes() {
        return rgb.length;
    }

    /** Packed {@code 0xFFRRGGBB} pixels (ImageJ ColorProcessor layout). */
    public int[] argb() {
        int[] out = new int[width * height];
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = 0xff000000 | (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff);
        }
        return out;
    }

    /** A core raster's pixels; partly transparent pixels (where it has alpha) are composited onto white. */
    public static RgbImage of(RgbRaster raster) {
        return fromPacked(raster.width(), raster.height(), raster.argb(), raster.alpha());
    }

    /** From packed ARGB pixels; partly transparent pixels are composited onto white. */
    public static RgbImage fromArgb(int width, int height, int[] argb) {
        return fromPacked(width, height, argb, true);
    }

    /**
     * From packed pixels; with {@code alpha} the top byte is opacity (partly transparent pixels are
     * composited onto white), else it is ignored (ImageJ's ColorProcessor leaves it 0).
     */
    public static RgbImage fromPacked(int width, int height, int[] argb, boolean alpha) {
        int[] opaque = new RgbRaster(width, height, argb, alpha).opaqueOnWhite().argb();
        byte[] rgb = new byte[3 * width * height];
        for (int i = 0, p = 0; i < opaque.length; i++, p += 3) {
            int v = opaque[i];
            rgb[p] = (byte) (v >> 16);
            rgb[p + 1] = (byte) (v >> 8);
            rgb[p + 2] = (byte) v;
        }
        return new RgbImage(width, height, rgb);
    }

    /**
     * Whether the image is gray: fewer than {@code 1/200} of its pixels have channels differing by
     * more than 6 (of 255), so JPEG chroma noise on a gray photo still counts as gray.
     */
    public boolean isGray() {
        int n = width * height;
        int colored = 0;
        for (int p = 0; p < rgb.length; p += 3) {
            int r = rgb[p] & 0xff;
            int g = rgb[p + 1] & 0xff;
            int b = rgb[p + 2] & 0xff;
            int spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            if (spread > 6) colored++;
        }
        return colored * 200L < n;
    }
}
