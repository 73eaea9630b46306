package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;

/**
 * A 64-bit difference hash ("dHash"): the image as a 9×8 gray thumbnail (area averaged, luma of
 * sRGB values, transparent pixels over white), one bit per horizontally adjacent pair telling
 * whether brightness rises to the right. Rescaling, recompression and small color changes keep
 * the hash within a few bits; different pictures differ in about half of them.
 */
public final class PerceptualHash {
    /** Hamming distance at or below which two images count as the same picture. */
    public static final int NEAR_DUPLICATE_BITS = 4;

    private PerceptualHash() {
    }

    public static long of(RgbRaster p) {
        int w = p.width(), h = p.height();
        int[] argb = p.argb();
        float[] gray = new float[w * h];
        for (int i = 0; i < gray.length; i++) {
            int c = argb[i];
            float a = p.alpha() ? (c >>> 24) / 255f : 1f;
            float y = 0.299f * ((c >> 16) & 0xff) + 0.587f * ((c >> 8) & 0xff) + 0.114f * (c & 0xff);
            gray[i] = a * y + (1 - a) * 255f;
        }
        float[] small = upTo(gray, w, h);
        int sw = Math.min(w, 9), sh = Math.min(h, 8);
        if (sw != 9 || sh != 8) small = stretch(small, sw, sh);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits <<= 1;
                if (small[y * 9 + x] < small[y * 9 + x + 1]) bits |= 1;
            }
        }
        return bits;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static String hex(long hash) {
        return String.format("%016x", hash);
    }

    public static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }

    private static float[] upTo(float[] gray, int w, int h) {
        return AreaDownscaler.resizePlane(gray, w, h, Math.min(w, 9), Math.min(h, 8));
    }

    /** Nearest-neighbour stretch of a smaller-than-9×8 plane to 9×8 (images under 9 px wide/8 px tall). */
    private static float[] stretch(float[] plane, int w, int h) {
        float[] out = new float[72];
        for (int y = 0; y < 8; y++) for (int x = 0; x < 9; x++) out[y * 9 + x] = plane[(y * h / 8) * w + x * w / 9];
        return out;
    }
}
