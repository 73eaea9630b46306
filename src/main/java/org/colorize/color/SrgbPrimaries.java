package org.colorize.color;

/**
 * The linear sRGB ↔ CIE XYZ matrices (D65), as skimage.color and Bruce Lindbloom give them, and
 * the luminance row. Float copies serve the per-pixel loops of the recombiner.
 */
public final class SrgbPrimaries {
    /** Linear sRGB → XYZ, rows X, Y, Z. */
    public static final double[][] RGB_TO_XYZ = {
        {0.412453, 0.357580, 0.180423},
        {0.212671, 0.715160, 0.072169},
        {0.019334, 0.119193, 0.950227},
    };
    /** XYZ → linear sRGB, the exact inverse of {@link #RGB_TO_XYZ}. */
    public static final double[][] XYZ_TO_RGB = invert(RGB_TO_XYZ);

    public static final float Y_R = (float) RGB_TO_XYZ[1][0];
    public static final float Y_G = (float) RGB_TO_XYZ[1][1];
    public static final float Y_B = (float) RGB_TO_XYZ[1][2];

    /** D65 reference white, normalized to Y = 1 (the sums of the matrix rows). */
    public static final double WHITE_X = 0.95047;
    public static final double WHITE_Y = 1.0;
    public static final double WHITE_Z = 1.08883;

    private SrgbPrimaries() {
    }

    private static double[][] invert(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[][] {
            {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
            {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det},
        };
    }
}
