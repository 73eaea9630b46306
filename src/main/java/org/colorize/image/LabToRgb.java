package org.colorize.image;

import org.colorize.color.Lab;
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
    private static final float WX = (float) Lab.XN;
    private static final float WZ = (float) Lab.ZN;
    private static final float DELTA = 6f / 29f;
    private static final float SLOPE = 3f * DELTA * DELTA;
    /** Rounds toward gray for out-of-gamut colors; what is left after them is clipped (≪ 1 L unit). */
    private static final int GAMUT_ROUNDS = 4;
    private static final float EPS = 1e-6f;

    static {
        for (int i = 0; i <= ENCODE_STEPS; i++) ENCODE[i] = (float) SrgbTransfer.encode(i / (double) ENCODE_STEPS);
        ENCODE[ENCODE_STEPS + 1] = ENCODE[ENCODE_STEPS];
        double[] m = Lab.xyzToRgbMatrix();
        M00 = (float) m[0]; M01 = (float) m[1]; M02 = (float) m[2];
        M10 = (float) m[3]; M11 = (float) m[4]; M12 = (float) m[5];
        M20 = (float) m[6]; M21 = (float) m[7]; M22 = (float) m[8];
    }

    private LabToRgb() {
    }

    /**
     * Converts one pixel and writes sRGB-encoded r, g, b in [0, 1] to {@code out[at .. at+2]}.
     */
    static void convert(float lightness, float a, float b, float[] out, int at) {
        float fy = (lightness + 16f) * (1f / 116f);
        float y = finv(fy);
        float scale = 1f;
        // Out of gamut: move toward the gray of the same L, where every channel equals y. The
        // straight line from gray through the current color gives the scale at which it leaves
        // the gamut; the Lab curve bends a little, so a few rounds land on the boundary.
        for (int round = 0; round < GAMUT_ROUNDS && !linear(fy, y, a * scale, b * scale, out, at); round++) {
            scale *= insideFraction(y, out, at);
        }
        out[at] = encode(out[at]);
        out[at + 1] = encode(out[at + 1]);
        out[at + 2] = encode(out[at + 2]);
    }

    /**
     * Converts a row into planar sRGB-encoded r, g, b in [0, 1]. The common case, a color inside
     * the gamut, runs as straight-line loops the JIT can vectorize; only pixels outside the gamut
     * take the per-pixel path.
     */
    static void convertRow(float[] lightness, float[] a, float[] b, float[] red, float[] green, float[] blue, int width) {
        for (int x = 0; x < width; x++) {
            float fy = (lightness[x] + 16f) * (1f / 116f);
            float y = finv(fy);
            float cx = WX * finv(fy + a[x] * (1f / 500f));
            float cz = WZ * finv(fy - b[x] * (1f / 200f));
            red[x] = M00 * cx + M01 * y + M02 * cz;
            green[x] = M10 * cx + M11 * y + M12 * cz;
            blue[x] = M20 * cx + M21 * y + M22 * cz;
        }
        float[] pixel = null;
        for (int x = 0; x < width; x++) {
            float r = red[x], g = green[x], bl = blue[x];
            boolean inside = r >= -EPS && r <= 1 + EPS && g >= -EPS && g <= 1 + EPS && bl >= -EPS && bl <= 1 + EPS;
            if (!inside) {
                if (pixel == null) pixel = new float[3];
                convert(lightness[x], a[x], b[x], pixel, 0);
                red[x] = pixel[0];
                green[x] = pixel[1];
                blue[x] = pixel[2];
            } else {
                red[x] = encode(r);
                green[x] = encode(g);
                blue[x] = encode(bl);
            }
        }
    }

    /** The largest t such that gray + t · (color − gray) is inside [0, 1]³. */
    private static float insideFraction(float gray, float[] c, int at) {
        float t = 1f;
        for (int k = at; k < at + 3; k++) {
            float v = c[k];
            if (v > 1f) t = Math.min(t, (1f - gray) / (v - gray));
            else if (v < 0f) t = Math.min(t, gray / (gray - v));
        }
        return Math.max(0f, t * 0.9999f);
    }

    /** Linear RGB of (L, a, b) into out; true when it lies inside the gamut. */
    private static boolean linear(float fy, float y, float a, float b, float[] out, int at) {
        float x = WX * finv(fy + a * (1f / 500f));
        float z = WZ * finv(fy - b * (1f / 200f));
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
        // Branch-free: clamp, then interpolate in the table (it has one spare entry past 1).
        float t = Math.min(Math.max(linear, 0f), 1f) * ENCODE_STEPS;
        int i = (int) t;
        float f = t - i;
        return ENCODE[i] + f * (ENCODE[i + 1] - ENCODE[i]);
    }
}
