package org.colorize.image;

/**
 * How a pixel value becomes a gray level g in [0, 1], read as an sRGB-encoded gray (R = G = B = g).
 * 8-bit: v / 255 (inverted when the image has an inverting LUT). 16- and 32-bit: the image's
 * data range [min, max] over all slices maps onto [0, 1], so the output channels can map back
 * onto the same range and a pixel without chroma keeps its measured value.
 */
public record GrayMapping(double min, double max, boolean inverted) {
    public static final GrayMapping EIGHT_BIT = new GrayMapping(0, 255, false);

    public double toGray(double value) {
        double g = max > min ? (value - min) / (max - min) : 0;
        g = Math.min(1, Math.max(0, g));
        return inverted ? 1 - g : g;
    }

    public double fromGray(double gray) {
        double g = inverted ? 1 - gray : gray;
        return min + g * (max - min);
    }
}
