package org.colorize.image;

import org.colorize.color.SrgbPrimaries;
import org.colorize.color.SrgbTransfer;

/**
 * Fast CIE Lab → sRGB for the recombiner, in float with a table for the transfer curve.
 * Colors outside the sRGB gamut are brought in by shrinking their chroma at fixed L (never by
 * clipping channels), so the output keeps the input's lightness exactly, up to quantization.
 */
final class LabToRgb {
    private static final int ENCODE_STEPS = 1 << 13;
    private static final float[] ENCODE = new float[ENCODE_STEPS + 2];
    private static final float M00, M01, M02, M10, M11, M12, M20, M21, M22;
    private static final float WX = (float) SrgbPrimaries.WHITE_X;
    private static final float WZ = (float) SrgbPrimaries.WHITE_Z;
    private static final float DELTA = 6f / 29f;
    private static final float SLOPE = 3f * DELTA * DELTA;
    /** Bisection steps on the chroma scale for out-of-gamut colors: 2^-12 of the chroma. */
    private static final int GAMUT_STEPS = 12;
    private static final float EPS = 1e-6f;

    static {
        for (int i = 0; i <= ENCODE_STEPS; i++) ENCODE[i] = (float) SrgbTransfer.encode(i / (double) ENCODE_STEPS);
        ENCODE[ENCODE_STEPS + 1] = ENCODE[ENCODE_STEPS];
        double[][] m = SrgbPrimaries.XYZ_TO_RGB;
        M00 = (float) m[0][0]; M01 = (float) m[0][1]; M02 = (float) m[0][2];
        M10 = (float) m[1][0]; M11 = (float) m[1][1]; M12 = (float) m[1][2];
        M20 = (float) m[2][0]; M21 = (float) m[2][1]; M22 = (float) m[2][2];
    }

    private LabToRgb() {
    }

    /**
     * Converts one pixel and writes sRGB-encoded r, g, b in [0, 1] to {@code out[at .. at+2]}.
     */
    static void convert(float lightness, float a, float b, float[] out, int at) {
        float fy = (lightness + 16f) / 116f;
        float y = finv(fy);
        if (!linear(fy, y, a, b, out, at)) {
            float lo = 0f, hi = 1f;
            for (int step = 0; step < GAMUT_STEPS; step++) {
                float mid = 0.5f * (lo + hi);
                if (linear(fy, y, a * mid, b * mid, out, at)) lo = mid;
                else hi = mid;
            }
            linear(fy, y, a * lo, b * lo, out, at);
        }
        out[at] = encode(out[at]);
        out[at + 1] = encode(out[at + 1]);
        out[at + 2] = encode(out[at + 2]);
    }

    /** Linear RGB of (L, a, b) into out; true when it lies inside the gamut. */
    private static boolean linear(float fy, float y, float a, float b, float[] out, int at) {
        float x = WX * finv(fy + a / 500f);
        float z = WZ * finv(fy - b / 200f);
        float r = M00 * x + M01 * y + M02 * z;
        float g = M10 * x + M11 * y + M12 * z;
        float bl = M20 * x + M21 * y + M22 * z;
        out[at] = r;
        out[at + 1] = g;
        out[at + 2] = bl;
        return r >= -EPS && r <= 1 + EPS && g >= -EPS && g <= 1 + EPS && bl >= -EPS && bl <= 1 + EPS;
    }

    private static float finv(float t) {
        return t > DELTA ? t * t * t : SLOPE * (t - 4f / 29f);
    }

    private static float encode(float linear) {
        if (linear <= 0f) return 0f;
        if (linear >= 1f) return 1f;
        float t = linear * ENCODE_STEPS;
        int i = (int) t;
        float f = t - i;
        return ENCODE[i] + f * (ENCODE[i + 1] - ENCODE[i]);
    }
}
