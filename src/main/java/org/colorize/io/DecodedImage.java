package org.colorize.io;

import org.colorize.color.RgbRaster;

/**
 * What {@link ImageDecoder} found in an image: its pixels as sRGB, and the facts that callers
 * check before using them.
 *
 * @param width    the (first) image's width
 * @param height   its height
 * @param raster   the (first) image as 8-bit sRGB; 8-bit gray has R = G = B; null for gray
 *                 images of more than 8 bits, which have no 8-bit rendering without a display range
 * @param gray     whether the source stores one gray channel (not color)
 * @param bitDepth bits per sample of the source (8 for RGB and indexed color)
 * @param slices   images (pages, slices) in the source; only the first is in {@code raster}
 */
public record DecodedImage(int width, int height, RgbRaster raster, boolean gray, int bitDepth, int slices) {
    public DecodedImage {
        if (raster == null && !gray) throw new IllegalArgumentException("a color image needs its pixels");
        if (raster != null && (raster.width() != width || raster.height() != height)) {
            throw new IllegalArgumentException("raster " + raster.width() + "x" + raster.height() + " is not " + width + "x" + height);
        }
    }

    /** A color image of {@code slices} slices, {@code raster} the first. */
    public static DecodedImage color(RgbRaster raster, int slices) {
        return new DecodedImage(raster.width(), raster.height(), raster, false, 8, slices);
    }

    /** An 8-bit gray image, {@code raster} with R = G = B. */
    public static DecodedImage gray(RgbRaster raster, int slices) {
        return new DecodedImage(raster.width(), raster.height(), raster, true, 8, slices);
    }

    /** A gray image deeper than 8 bits: its facts, no pixels. */
    public static DecodedImage deepGray(int width, int height, int bitDepth, int slices) {
        return new DecodedImage(width, height, null, true, bitDepth, slices);
    }
}
