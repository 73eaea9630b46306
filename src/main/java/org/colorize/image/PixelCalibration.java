package org.colorize.image;

/**
 * The physical size of a pixel and the time between frames.
 *
 * @param pixelWidth    x size of a pixel in {@code unit}
 * @param pixelHeight   y size
 * @param pixelDepth    z spacing
 * @param unit          length unit ("pixel" when uncalibrated)
 * @param frameInterval time between frames in {@code timeUnit} (0 when unknown)
 * @param timeUnit      time unit
 */
public record PixelCalibration(double pixelWidth, double pixelHeight, double pixelDepth, String unit,
        double frameInterval, String timeUnit) {
    public static final PixelCalibration NONE = new PixelCalibration(1, 1, 1, "pixel", 0, "sec");
}
