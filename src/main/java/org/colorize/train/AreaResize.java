package org.colorize.train;

import org.colorize.image.Resampling;

/**
 * Resampling of interleaved 8-bit RGB with {@link Resampling}'s weights: shrinking averages exact
 * pixel areas, enlarging interpolates linearly. Separable: rows first, then columns.
 *
 * <p>It averages the encoded sRGB values, not linear light, on purpose: the crops train a
 * network whose input, when it colorizes, is the area average of L ({@code NetworkInput}), and
 * L, like the sRGB encoding, is a compressive curve of linear light. Measured on the evaluation
 * fixture and a 720×477 JPEG (reductions by 2, 4, 8): the L of an encoded average is within
 * 0.03–0.20 L of the average L, the L of a linear-light average 0.29–1.5 L brighter, so linear
 * light would teach the network on inputs it never sees. (The corpus tool, which writes smaller
 * photos to disk, averages in linear light: there the correct photo matters, not the L path.)
 */
final class AreaResize {
    private AreaResize() {
    }

    /**
     * The {@code cw × ch} rectangle at {@code (x0, y0)} of {@code src} resampled to {@code outW × outH},
     * as interleaved RGB floats in 0..255, optionally mirrored left-right.
     */
    static float[] crop(RgbImage src, int x0, int y0, int cw, int ch, int outW, int outH, boolean mirror) {
        if (x0 < 0 || y0 < 0 || cw < 1 || ch < 1 || x0 + cw > src.width() || y0 + ch > src.height()) {
            throw new IllegalArgumentException("crop " + cw + "×" + ch + " at " + x0 + "," + y0 + " outside " + src.width()
                    + "×" + src.height());
        }
        Resampling tx = Resampling.of(cw, outW);
        Resampling ty = Resampling.of(ch, outH);
        byte[] rgb = src.rgb();
        int w = src.width();
        float[] rows = new float[ch * outW * 3];
        for (int y = 0; y < ch; y++) {
            int rowBase = ((y0 + y) * w + x0) * 3;
            int outBase = y * outW * 3;
            for (int ox = 0; ox < outW; ox++) {
                float r = 0, g = 0, b = 0;
                int f = tx.first(ox);
                float[] weights = tx.weights(ox);
                for (int k = 0; k < weights.length; k++) {
                    float wt = weights[k];
                    int p = rowBase + (f + k) * 3;
                    r += wt * (rgb[p] & 0xff);
                    g += wt * (rgb[p + 1] & 0xff);
                    b += wt * (rgb[p + 2] & 0xff);
                }
                int q = outBase + (mirror ? outW - 1 - ox : ox) * 3;
                rows[q] = r;
                rows[q + 1] = g;
                rows[q + 2] = b;
            }
        }
        float[] out = new float[outH * outW * 3];
        int rowLen = outW * 3;
        for (int oy = 0; oy < outH; oy++) {
            int f = ty.first(oy);
            float[] weights = ty.weights(oy);
            int outBase = oy * rowLen;
            for (int k = 0; k < weights.length; k++) {
                float wt = weights[k];
                int inBase = (f + k) * rowLen;
                for (int j = 0; j < rowLen; j++) out[outBase + j] += wt * rows[inBase + j];
            }
        }
        return out;
    }

    /** The whole image resampled to {@code outW × outH}, rounded to bytes. */
    static RgbImage resize(RgbImage src, int outW, int outH) {
        float[] f = crop(src, 0, 0, src.width(), src.height(), outW, outH, false);
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) b[i] = (byte) Math.min(255, Math.max(0, Math.round(f[i])));
        return new RgbImage(outW, outH, b);
    }

    /** {@code src} scaled (never enlarged) so its short side is at most {@code maxShortSide}. */
    static RgbImage shrinkTo(RgbImage src, int maxShortSide) {
        int s = src.shortSide();
        if (s <= maxShortSide) return src;
        double f = (double) maxShortSide / s;
        int w = Math.max(1, (int) Math.round(src.width() * f));
        int h = Math.max(1, (int) Math.round(src.height() * f));
        return resize(src, w, h);
    }
}
